using System.Globalization;

namespace Zwarm.Bench.Reporting;

/// <summary>
/// Medians, spreads and the number formats every figure uses. The anchor of a ratio (the Python side, the
/// hello-world, a floor) is judged by its fastest run, zwarm by its median: a loaded machine slows the anchor's
/// slow runs, so its fastest is the closest to what it costs on a quiet one, and the ratio does not flatter zwarm.
/// </summary>
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

    /// <summary>"min / median / max" of the runs, in ms or s.</summary>
    public static string Spread(IEnumerable<double> values)
    {
        var all = values.ToArray();
        return all.Length == 0 ? "n/a" : $"{Ms(all.Min())} / {Ms(Median(all))} / {Ms(all.Max())}";
    }

    /// <summary>zwarm's cell: its median, and its fastest run.</summary>
    public static string MedianAndFastest(IEnumerable<double> values)
    {
        var all = values.ToArray();
        return $"{Ms(Median(all))} (fastest {Ms(all.Min())})";
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
