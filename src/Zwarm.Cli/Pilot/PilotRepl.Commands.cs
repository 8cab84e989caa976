// The pilot's own commands, typed with a leading ':' so they can never be mistaken for a message (a message that
// starts with ':' can be sent as a """ block).
using System.Globalization;
using Zwarm.Cli.Infrastructure;
using Zwarm.Cli.Rendering;
using Zwarm.Core;
using Zwarm.Orchestration.Instances;

namespace Zwarm.Cli.Pilot;

internal sealed partial class PilotRepl
{
    /// <summary>Each command with its one-line help (the first name is the one shown).</summary>
    internal static readonly (string[] Names, string Usage, string Help)[] Commands =
    [
        (["goto"], ":goto T<n>", "rewind the conversation to checkpoint T<n> (sessions keep running; your next message drops the later checkpoints)"),
        (["status"], ":status", "checkpoint, model calls, tokens against the context window, cost"),
        (["history"], ":history [N|all]", "the last N entries of the conversation (default 10)"),
        (["sessions", "ls"], ":sessions", "the sessions this conversation started"),
        (["reasoning"], ":reasoning on|off", "show or hide the model's reasoning"),
        (["save"], ":save", "save now (the conversation is also saved after every turn)"),
        (["help", "?"], ":help", "this list"),
        (["quit", "exit", "q"], ":quit", "leave (saved; continue later with --resume); Ctrl-D does the same"),
    ];

    public const int DefaultHistory = 10;

    private static string CommandList => string.Join(", ", Commands.Select(c => ":" + c.Names[0]));

    private async Task CommandAsync(string text, CancellationToken cancellationToken)
    {
        var words = text[1..].Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var name = words.Length > 0 ? words[0].ToLowerInvariant() : "";
        var argument = words.Length > 1 ? string.Join(' ', words[1..]) : null;
        var command = Commands.FirstOrDefault(c => c.Names.Contains(name)).Names?[0]
            ?? throw new ZwarmException(ErrorKind.Usage, $"unknown command ':{name}'; commands: {CommandList} (a message starting with ':' can be sent as a \"\"\" block)");
        switch (command)
        {
            case "goto":
                Goto(argument);
                break;
            case "status":
                renderer.Status(session.Status(), await session.SessionsAsync(cancellationToken));
                break;
            case "history":
                renderer.History(session.Conversation.Entries(), HistoryCount(argument));
                break;
            case "sessions":
                renderer.Sessions(await session.SessionsAsync(cancellationToken), session.Tools.Sessions.Context.Time.GetUtcNow());
                break;
            case "reasoning":
                renderer.ShowReasoning = argument?.ToLowerInvariant() switch
                {
                    "on" => true,
                    "off" => false,
                    null => !renderer.ShowReasoning,
                    _ => throw new ZwarmException(ErrorKind.Usage, $":reasoning takes on or off, not '{argument}'"),
                };
                renderer.Line($"[grey]reasoning {(renderer.ShowReasoning ? "shown" : "hidden")}[/]");
                break;
            case "save":
                session.Save();
                renderer.Line($"[grey]saved to {TerminalText.Escape(session.InstanceDirectory)}[/]");
                break;
            case "help":
                foreach (var (_, usage, help) in Commands)
                {
                    renderer.Line($"  [bold]{TerminalText.Escape(usage.PadRight(18))}[/] {TerminalText.Escape(help)}");
                }
                renderer.Line("  [grey]Anything else is a message to the pilot. Between two \"\"\" lines: a message of several lines.[/]");
                break;
            case "quit":
                _quit = true;
                break;
        }
    }

    private void Goto(string? argument)
    {
        if (Checkpoint.ParseLabel(argument) is not { } turn)
        {
            throw new ZwarmException(ErrorKind.Usage, $":goto takes a checkpoint such as T1{(argument is null ? "" : $", not '{argument}'")}");
        }
        var before = session.Conversation.HeadMessages;
        var from = session.Goto(turn);
        var after = session.Conversation.HeadMessages;
        var label = Checkpoint.LabelOf(turn);
        var what = after < before ? $"{Format.Count(before - after, "message")} set aside"
            : after > before ? $"{Format.Count(after - before, "message")} restored" : "nothing changed";
        renderer.Line($"[magenta]⟲ {Checkpoint.LabelOf(from)} → {label}[/]: {what}; the conversation now ends at {label}. " +
            "[grey]Sessions keep running; your next message discards the checkpoints after it.[/]");
    }

    private static int? HistoryCount(string? argument) => argument?.ToLowerInvariant() switch
    {
        null => DefaultHistory,
        "all" => null,
        _ when int.TryParse(argument, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 => n,
        _ => throw new ZwarmException(ErrorKind.Usage, $":history takes a number or 'all', not '{argument}'"),
    };
}
