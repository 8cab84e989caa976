using System.Globalization;
using System.Text.RegularExpressions;
using Zwarm.Core;

namespace Zwarm.Cli.Infrastructure;

/// <summary>Parses durations such as "90", "45s", "10m", "1h30m", "7d".</summary>
internal static partial class DurationParser
{
    public static TimeSpan? ParseOption(string? text, string optionName)
    {
        if (text is null)
        {
            return null;
        }
        return TryParse(text, out var value)
            ? value
            : throw new ZwarmException(ErrorKind.Usage, $"{optionName}: '{text}' is not a duration (examples: 90s, 10m, 1h30m, 7d)");
    }

    public static bool TryParse(string text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        var s = text.Trim().ToLowerInvariant();
        if (s.Length == 0)
        {
            return false;
        }
        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            value = TimeSpan.FromSeconds(seconds);
            return seconds >= 0;
        }
        var matches = Part().Matches(s);
        if (matches.Count == 0 || string.Concat(matches.Select(m => m.Value)) != s)
        {
            return false;
        }
        foreach (Match m in matches)
        {
            var n = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            value += m.Groups[2].Value switch
            {
                "ms" => TimeSpan.FromMilliseconds(n),
                "s" => TimeSpan.FromSeconds(n),
                "m" => TimeSpan.FromMinutes(n),
                "h" => TimeSpan.FromHours(n),
                "d" => TimeSpan.FromDays(n),
                _ => TimeSpan.FromDays(7 * n),
            };
        }
        return true;
    }

    [GeneratedRegex(@"(\d+(?:\.\d+)?)(ms|s|m|h|d|w)")]
    private static partial Regex Part();
}
