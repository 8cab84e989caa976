// Timestamps in meta.json are naive local ISO-8601 with microseconds ("2026-11-23T18:29:33.123456"), exactly what
// Python's datetime.now().isoformat() writes, so the Python zwarm can compare them with its own naive datetimes.
using System.Globalization;

namespace Zwarm.Core.Sessions;

public static class Timestamps
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.ffffff";

    /// <summary>Formats the provider's current local time the way meta.json stores it.</summary>
    public static string Now(TimeProvider time) => FormatLocal(time.GetLocalNow());

    public static string FormatLocal(DateTimeOffset value) => value.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>Parses a stored timestamp; a value without an offset is local time (as Python wrote it).</summary>
    public static DateTimeOffset? Parse(string? text, TimeZoneInfo? zone = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (DateTime.TryParse(text, CultureInfo.InvariantCulture,
                DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.RoundtripKind, out var dt))
        {
            if (dt.Kind == DateTimeKind.Unspecified)
            {
                var tz = zone ?? TimeZoneInfo.Local;
                return new DateTimeOffset(dt, tz.GetUtcOffset(dt));
            }
            return new DateTimeOffset(dt);
        }
        return null;
    }
}
