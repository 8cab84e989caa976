// Timestamps in meta.json are naive local ISO-8601 with microseconds ("2026-11-23T18:29:33.123456"), exactly what
// Python's datetime.now().isoformat() writes, so the Python zwarm can compare them with its own naive datetimes.
// A naive stamp read under another time zone is hours off, so zwarm also writes a UTC twin (`updated_at_utc`) and
// compares by it. The twin is trusted only while it belongs to the naive stamp beside it (the two differ by a whole
// number of quarter hours, as a zone offset does): a tool that rewrites `updated_at` alone invalidates it.
using System.Globalization;

namespace Zwarm.Core.Sessions;

public static class Timestamps
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.ffffff";
    private const string UtcFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";
    private static readonly TimeSpan Quarter = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan LargestOffset = TimeSpan.FromHours(14);

    /// <summary>Formats the provider's current local time the way meta.json stores it.</summary>
    public static string Now(TimeProvider time) => FormatLocal(time.GetLocalNow());

    public static string FormatLocal(DateTimeOffset value) => value.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>An instant as a UTC stamp ("...Z").</summary>
    public static string FormatUtc(DateTimeOffset value) => value.UtcDateTime.ToString(UtcFormat, CultureInfo.InvariantCulture);

    /// <summary>Parses a stored timestamp; a value without an offset is local time in <paramref name="zone"/> (as Python wrote it).</summary>
    public static DateTimeOffset? Parse(string? text, TimeZoneInfo? zone = null)
    {
        if (!TryParseRaw(text, out var dt))
        {
            return null;
        }
        if (dt.Kind == DateTimeKind.Unspecified)
        {
            var tz = zone ?? TimeZoneInfo.Local;
            return new DateTimeOffset(dt, tz.GetUtcOffset(dt));
        }
        return new DateTimeOffset(dt);
    }

    /// <summary>
    /// The instant of a naive stamp: its UTC twin when that belongs to it, else the naive value read in
    /// <paramref name="zone"/> (a store written by the Python zwarm or before the twin existed).
    /// </summary>
    public static DateTimeOffset? Instant(string? naive, string? utc, TimeZoneInfo? zone = null) =>
        IsTwin(naive, utc) ? Parse(utc) : Parse(naive, zone);

    /// <summary>The UTC twin of a naive stamp written in <paramref name="zone"/>.</summary>
    public static string? UtcTwin(string? naive, TimeZoneInfo zone) => Parse(naive, zone) is { } t ? FormatUtc(t) : null;

    /// <summary>True when <paramref name="utc"/> is a UTC stamp of the same instant as the naive <paramref name="naive"/> in some zone.</summary>
    public static bool IsTwin(string? naive, string? utc)
    {
        if (!TryParseRaw(naive, out var local) || local.Kind != DateTimeKind.Unspecified
            || !TryParseRaw(utc, out var universal) || universal.Kind != DateTimeKind.Utc)
        {
            return false;
        }
        var offset = local - universal;
        return offset.Duration() <= LargestOffset && offset.Ticks % Quarter.Ticks == 0;
    }

    private static bool TryParseRaw(string? text, out DateTime value)
    {
        value = default;
        return !string.IsNullOrWhiteSpace(text) && DateTime.TryParse(text, CultureInfo.InvariantCulture,
            DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.RoundtripKind, out value);
    }
}
