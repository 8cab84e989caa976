// One line per session that a kill, rm or clean changed; shared by the verbs and the REPL.
using Spectre.Console;
using Zwarm.Core.Processes;
using Zwarm.Core.Sessions;

namespace Zwarm.Cli.Rendering;

internal static class ChangeReport
{
    public static string Describe(KillOutcome outcome) => outcome switch
    {
        KillOutcome.NotRunning => "was not running",
        KillOutcome.Interrupted => "stopped by SIGINT",
        KillOutcome.Terminated => "stopped by SIGTERM",
        KillOutcome.Killed => "stopped by SIGKILL",
        KillOutcome.Finished => "finished on its own before the signal took effect",
        KillOutcome.Refused => "not signalled",
        _ => outcome.ToString(),
    };

    /// <summary>The outcome, with the reason when nothing was signalled (a pid that is not the session's).</summary>
    public static string Describe(KillResult result) =>
        result.Note is { } note ? $"{Describe(result.Outcome)} ({note})" : Describe(result.Outcome);

    public static void WriteKilled(IAnsiConsole console, KillResult result) =>
        console.MarkupLine($"[bold]{Format.ShortId(result.Session.Id)}[/] {Format.StatusMarkup(result.Session.Status)} [grey]{TerminalText.Escape(Describe(result))}[/]");

    /// <param name="previousStatus">The status the session had when it was removed.</param>
    public static string Removed(string id, string previousStatus) => $"removed {Format.ShortId(id)} ({previousStatus})";

    /// <param name="verb">"removed" or "would remove".</param>
    public static string Cleaned(string verb, SessionSummary session, DateTimeOffset now) =>
        $"{verb} {Format.ShortId(session.Id)} ({session.Status.ToName()}, {Format.Age(session.UpdatedAt, now)} old) {Format.OneLine(session.Task, 60)}";
}
