// Small formatting helpers shared by every human-readable view.
using System.Globalization;
using Spectre.Console;
using Zwarm.Core.Sessions;

namespace Zwarm.Cli.Rendering;

internal static class Format
{
    public static string Age(string? timestamp, DateTimeOffset now)
    {
        if (Timestamps.Parse(timestamp) is not { } t)
        {
            return "?";
        }
        var d = now - t;
        if (d < TimeSpan.Zero)
        {
            d = TimeSpan.Zero;
        }
        return d.TotalSeconds < 60 ? $"{(int)d.TotalSeconds}s"
            : d.TotalMinutes < 60 ? $"{(int)d.TotalMinutes}m"
            : d.TotalHours < 24 ? $"{d.TotalHours:0.#}h".Replace(',', '.')
            : $"{(int)d.TotalDays}d";
    }

    public static string Tokens(long n) => n switch
    {
        < 1000 => n.ToString(CultureInfo.InvariantCulture),
        < 1_000_000 => (n / 1000.0).ToString("0.#", CultureInfo.InvariantCulture) + "k",
        _ => (n / 1_000_000.0).ToString("0.##", CultureInfo.InvariantCulture) + "M",
    };

    public static string Cost(decimal? usd) => usd is { } c
        ? "$" + (c < 0.01m ? c.ToString("0.0000", CultureInfo.InvariantCulture) : c.ToString("0.00", CultureInfo.InvariantCulture))
        : "-";

    public static string StatusMarkup(SessionStatus status) => status switch
    {
        SessionStatus.Running => "[blue]running[/]",
        SessionStatus.Pending => "[grey]pending[/]",
        SessionStatus.Completed => "[green]completed[/]",
        SessionStatus.Failed => "[red]failed[/]",
        SessionStatus.Killed => "[yellow]killed[/]",
        _ => TerminalText.Escape(status.ToName()),
    };

    public static Style StatusStyle(SessionStatus status) => status switch
    {
        SessionStatus.Running => new Style(Color.Blue),
        SessionStatus.Pending => new Style(Color.Grey),
        SessionStatus.Completed => new Style(Color.Green),
        SessionStatus.Failed => new Style(Color.Red),
        SessionStatus.Killed => new Style(Color.Yellow),
        _ => Style.Plain,
    };

    /// <summary>First line of <paramref name="text"/>, cut to <paramref name="max"/> characters.</summary>
    public static string OneLine(string? text, int max)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var flat = text.ReplaceLineEndings(" ").Trim();
        return flat.Length <= max ? flat : string.Concat(flat.AsSpan(0, Math.Max(1, max - 1)), "…");
    }

    /// <summary>"zwarm/3f2a1b2c +42 -3" for an isolated session (its branch and lines changed), "" otherwise.</summary>
    public static string BranchChange(SessionSummary s) =>
        s.Branch is null ? "" : $"{s.Branch} +{s.LinesAdded ?? 0} -{s.LinesRemoved ?? 0}";

    /// <summary>"1 step", "2 steps": a count with its noun in the right number.</summary>
    public static string Count(long n, string singular, string? plural = null) =>
        n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? singular : plural ?? singular + "s");

    public static string ShortId(string id) => id.Length > 8 ? id[..8] : id;

    public static string Source(string source) =>
        source == "user" ? "you"
        : source.StartsWith("orchestrator:", StringComparison.Ordinal) ? "orch:" + source["orchestrator:".Length..].PadRight(4)[..4].Trim()
        : source.StartsWith("pilot:", StringComparison.Ordinal) ? "pilot:" + source["pilot:".Length..].PadRight(4)[..4].Trim()
        : OneLine(source, 10);
}
