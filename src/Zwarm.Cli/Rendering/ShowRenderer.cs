// `show` for people (`zwarm show`, the REPL's `show`, the demo): the session's details, then each turn with every agent message as the turn file streams by.
// Message text is written as is, past Spectre (its word wrapping costs ~1 µs per character: minutes for a big turn),
// and the counts line follows the messages, since the counts are only known once the file has been read.
using System.Globalization;
using System.Text;
using Spectre.Console;
using Zwarm.Cli.Infrastructure;
using Zwarm.Core;
using Zwarm.Core.Output;
using Zwarm.Core.Sessions;

namespace Zwarm.Cli.Rendering;

internal static class ShowRenderer
{
    /// <summary>Turn numbers to show: just <paramref name="turn"/> (validated), or all of them.</summary>
    public static IReadOnlyList<int> SelectTurns(SessionMeta meta, int? turn)
    {
        if (turn is { } t)
        {
            return t >= 1 && t <= meta.Turn
                ? [t]
                : throw new ZwarmException(ErrorKind.Usage, $"--turn: session {Format.ShortId(meta.Id)} has turns 1..{meta.Turn}");
        }
        return Enumerable.Range(1, Math.Max(1, meta.Turn)).ToList();
    }

    public static void Render(Terminal terminal, SessionService sessions, SessionMeta meta, IReadOnlyList<int> turns,
        DateTimeOffset now)
    {
        var console = terminal.Console;
        var agent = console.Profile.Capabilities.Ansi ? "\u001b[1magent:\u001b[0m " : "agent: ";
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        void Row(string k, string v) => grid.AddRow($"[grey]{k}[/]", v);
        Row("session", $"[bold]{meta.Id}[/]");
        Row("status", Format.StatusMarkup(meta.Status) + (meta.ExitCode is { } x ? $" (exit {x})" : ""));
        Row("adapter", TerminalText.Escape($"{meta.Adapter}  model {(string.IsNullOrEmpty(meta.Model) ? "(default)" : meta.Model)}  sandbox {meta.Sandbox ?? "?"}"));
        Row("directory", TerminalText.Escape(meta.WorkingDir));
        Row("created", TerminalText.Escape($"{meta.CreatedAt} ({Format.Age(meta.CreatedAt, now)} ago) by {Format.Source(meta.Source)}"));
        var u = meta.TokenUsage;
        Row("tokens", $"in {Format.Tokens(u.GetValueOrDefault("input_tokens"))} (cached {Format.Tokens(u.GetValueOrDefault("cached_input_tokens"))}), out {Format.Tokens(u.GetValueOrDefault("output_tokens"))}   cost {Format.Cost(meta.CostUsd)}");
        if (meta.Error is not null)
        {
            Row("error", $"[red]{TerminalText.Escape(meta.Error)}[/]");
        }
        if (meta.Workspace is { } ws)
        {
            Row("branch", TerminalText.Escape($"{ws.Branch}  +{ws.Added} -{ws.Removed} in {ws.FilesChanged} files") +
                (ws.Merges.Count > 0 ? TerminalText.Escape($"  ({ws.Merges[^1].Strategy} into {ws.Merges[^1].Into})") : ""));
            Row("base", TerminalText.Escape($"{ws.Base}{(ws.BaseBranch is null ? "" : $" ({ws.BaseBranch})")}"));
            Row("worktree", TerminalText.Escape(ws.Worktree) + (Directory.Exists(ws.Worktree) ? "" : " [red](missing)[/]"));
            if (ws.Problem is not null)
            {
                Row("problem", $"[yellow]{TerminalText.Escape(ws.Problem)}[/]");
            }
        }
        console.Write(grid);

        foreach (var n in turns)
        {
            var t = ShowTurn.From(meta, n);
            console.WriteLine();
            var exit = t.ExitCode is { } c ? $" exit {c.ToString(CultureInfo.InvariantCulture)}" : "";
            var cost = t.CostUsd is null ? "" : $"  {Format.Cost(t.CostUsd)}";
            var tokens = t.Usage is { } tu ? $"  {Format.Tokens(tu.InputTokens + tu.OutputTokens)} tokens" : "";
            var title = $"[bold]turn {t.Turn}[/] {TerminalText.Escape(t.Status.ToName())}{exit}{tokens}{cost}";
            if (console.Profile.Out.IsTerminal)
            {
                console.Write(new Rule(title).LeftJustified());
            }
            else
            {
                console.MarkupLine("── " + title); // piped: no rule padded out to a made-up width
            }
            console.MarkupLine($"[grey]you:[/] {TerminalText.Escape(t.Prompt)}");
            // Messages go out in 32 KB batches: stdout flushes on every write, a write(2) per message otherwise.
            var batch = new StringBuilder();
            var counts = t.Walk(sessions, meta, message =>
            {
                batch.Append(agent).Append(TerminalText.Safe(message)).Append(terminal.Out.NewLine);
                if (batch.Length > 32 * 1024)
                {
                    terminal.Out.Write(batch);
                    batch.Clear();
                }
            });
            terminal.Out.Write(batch);
            console.MarkupLine($"[grey]{Format.Count(counts.Commands, "command")}, {Format.Count(counts.FileChanges, "file change")}, {Format.Count(counts.ToolCalls, "other tool call")}[/]");
            if (t.Error is not null)
            {
                console.MarkupLine($"[red]error: {TerminalText.Escape(t.Error)}[/]");
            }
            if (meta.Workspace?.TurnCommits.FirstOrDefault(c => c.Turn == n) is { } checkpoint)
            {
                var what = checkpoint.Commit is { } commit ? $"commit {commit[..Math.Min(10, commit.Length)]}" : $"no checkpoint commit (head {checkpoint.Head[..Math.Min(10, checkpoint.Head.Length)]})";
                console.MarkupLine($"[grey]{TerminalText.Escape(what)}  +{checkpoint.Added} -{checkpoint.Removed} in {checkpoint.FilesChanged} files (zwarm diff {Format.ShortId(meta.Id)} --turn {n})[/]");
            }
        }
    }
}
