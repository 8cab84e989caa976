// The `show` view of a session (details, then each turn's prompt, counts, messages, usage and cost), shared by
// `zwarm show` and the REPL's `show`.
using System.Globalization;
using Spectre.Console;
using Zwarm.Core;
using Zwarm.Core.Events;
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

    public static TurnView BuildTurn(SessionService sessions, SessionMeta meta, int n)
    {
        int commands = 0, files = 0, tools = 0;
        var events = sessions.ReadTurnEvents(meta, n).Select(e =>
        {
            switch (e)
            {
                case CommandExecuted: commands++; break;
                case FileChanged: files++; break;
                case ToolCall: tools++; break;
            }
            return e;
        });
        var digest = TurnDigest.From(events);
        var info = meta.Turns.FirstOrDefault(t => t.Turn == n);
        var prompt = info?.Prompt ?? (n == 1 ? meta.Task : "");
        var status = info?.Status ?? meta.Status;
        return new TurnView(n, prompt, status.ToName(), info?.ExitCode, info?.Error, digest.Messages, commands, files, tools,
            info?.Usage, info?.CostUsd);
    }

    public static void Render(IAnsiConsole console, SessionMeta meta, IReadOnlyList<TurnView> turns, DateTimeOffset now)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        void Row(string k, string v) => grid.AddRow($"[grey]{k}[/]", v);
        Row("session", $"[bold]{meta.Id}[/]");
        Row("status", Format.StatusMarkup(meta.Status) + (meta.ExitCode is { } x ? $" (exit {x})" : ""));
        Row("adapter", Markup.Escape($"{meta.Adapter}  model {(string.IsNullOrEmpty(meta.Model) ? "(default)" : meta.Model)}  sandbox {meta.Sandbox ?? "?"}"));
        Row("directory", Markup.Escape(meta.WorkingDir));
        Row("created", Markup.Escape($"{meta.CreatedAt} ({Format.Age(meta.CreatedAt, now)} ago) by {Format.Source(meta.Source)}"));
        var u = meta.TokenUsage;
        Row("tokens", $"in {Format.Tokens(u.GetValueOrDefault("input_tokens"))} (cached {Format.Tokens(u.GetValueOrDefault("cached_input_tokens"))}), out {Format.Tokens(u.GetValueOrDefault("output_tokens"))}   cost {Format.Cost(meta.CostUsd)}");
        if (meta.Error is not null)
        {
            Row("error", $"[red]{Markup.Escape(meta.Error)}[/]");
        }
        console.Write(grid);
        foreach (var t in turns)
        {
            console.WriteLine();
            var exit = t.ExitCode is { } c ? $" exit {c.ToString(CultureInfo.InvariantCulture)}" : "";
            var cost = t.CostUsd is null ? "" : $"  {Format.Cost(t.CostUsd)}";
            var tokens = t.Usage is { } tu ? $"  {Format.Tokens(tu.InputTokens + tu.OutputTokens)} tokens" : "";
            console.Write(new Rule($"[bold]turn {t.Turn}[/] {Markup.Escape(t.Status)}{exit}{tokens}{cost}").LeftJustified());
            console.MarkupLine($"[grey]you:[/] {Markup.Escape(t.Prompt)}");
            console.MarkupLine($"[grey]{t.Commands} commands, {t.FileChanges} file changes, {t.ToolCalls} other tool calls[/]");
            foreach (var m in t.Messages)
            {
                console.MarkupLine($"[bold]agent:[/] {Markup.Escape(m)}");
            }
            if (t.Error is not null)
            {
                console.MarkupLine($"[red]error: {Markup.Escape(t.Error)}[/]");
            }
        }
    }
}
