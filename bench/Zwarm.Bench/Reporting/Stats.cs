using System.Globalization;

namespace Zwarm.Bench.Reporting;

/// <summary>Medians and the number formats every figure uses.</summary>
internal static class Stats
{
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    public static string Ms(double ms) => ms switch
    {
        >= 10_000 => string.Create(CultureInfo.InvariantCulture, $"{ms / 1000:0.0} s"),
        >= 1_000 => string.Create(CultureInfo.InvariantCulture, $"{ms / 1000:0.00} s"),
        >= 100 => string.Create(CultureInfo.InvariantCulture, $"{ms:0} ms"),
        >= 10 => string.Create(CultureInfo.InvariantCulture, $"{ms:0.0} ms"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{ms:0.00} ms"),
    };

    /// <summary>Kilobytes as MB; a negative value means "not measured".</summary>
    public static string Mb(long kilobytes) =>
        kilobytes < 0 ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{kilobytes / 1024.0:0.0} MB");

    public static string Ratio(double ratio) => string.Create(CultureInfo.InvariantCulture, $"{ratio:0.0}x");

    public static string Num(double value, string format = "0.0") => value.ToString(format, CultureInfo.InvariantCulture);
}
