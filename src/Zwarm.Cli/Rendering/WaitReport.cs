// The outcome of waiting for sessions (each one's status, error and final reply), shared by `zwarm wait`,
// `spawn --wait`, `continue --wait` and the REPL's `wait`.
using Spectre.Console;
using Zwarm.Cli.Infrastructure;
using Zwarm.Core.Sessions;

namespace Zwarm.Cli.Rendering;

internal static class WaitReport
{
    public static void Write(Terminal terminal, WaitResult result)
    {
        foreach (var meta in result.Sessions)
        {
            var last = meta.Messages.LastOrDefault(m => m.Role == "assistant")?.Content;
            terminal.Console.MarkupLine($"[bold]{Format.ShortId(meta.Id)}[/] {Format.StatusMarkup(meta.Status)}" +
                (meta.Error is null ? "" : $"  [red]{TerminalText.Escape(Format.OneLine(meta.Error, 200))}[/]"));
            if (meta.Status.IsStopped() && !string.IsNullOrWhiteSpace(last))
            {
                terminal.Out.WriteLine(TerminalText.Safe(last.TrimEnd()));
            }
        }
        if (result.TimedOut)
        {
            terminal.Error("timed out waiting; the sessions keep running");
        }
    }

    /// <summary>0 when every session completed, 1 when some failed or were killed, 7 on timeout.</summary>
    public static int ExitCode(WaitResult result)
    {
        if (result.TimedOut)
        {
            return ExitCodes.Timeout;
        }
        var stopped = result.Sessions.Where(s => s.Status.IsStopped()).ToList();
        return stopped.All(s => s.Status == SessionStatus.Completed) ? ExitCodes.Success : ExitCodes.SessionFailed;
    }
}
