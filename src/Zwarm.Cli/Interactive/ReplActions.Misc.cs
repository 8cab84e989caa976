// help, !command, clear, quit.
using System.Globalization;
using Spectre.Console;
using Zwarm.Cli.Infrastructure;
using Zwarm.Core;
using Zwarm.Core.Suggestions;

namespace Zwarm.Cli.Interactive;

internal sealed partial class ReplActions
{
    private Task<int> HelpAsync(ReplArguments args, CancellationToken ct)
    {
        args.AtMost(1);
        var console = _context.Terminal.Console;
        if (args.Positionals.Count == 1)
        {
            var name = args.Positionals[0];
            var command = Find(name.StartsWith('!') ? "!" : name)
                ?? throw new ZwarmException(ErrorKind.Usage, $"help: unknown command '{name}'{Suggest(name)}");
            console.MarkupLine($"[bold]{Markup.Escape(command.Usage)}[/]");
            console.MarkupLine($"  {Markup.Escape(command.Summary)}");
            foreach (var o in command.Options)
            {
                console.MarkupLine($"  [cyan]{Markup.Escape(o.Syntax),-22}[/] {Markup.Escape(o.Description)}");
            }
            return Task.FromResult(ExitCodes.Success);
        }
        var grid = new Grid().AddColumn(new GridColumn().NoWrap().PadRight(2)).AddColumn();
        foreach (var c in Commands)
        {
            grid.AddRow($"[cyan]{Markup.Escape(c.Usage)}[/]", Markup.Escape(c.Summary));
        }
        console.Write(grid);
        console.MarkupLine("[grey]ID is a full session id, a unique prefix, or 'last' (the session you last started or named).[/]");
        console.MarkupLine("[grey]Quote text with \"...\" or '...'. Tab completes commands, options and ids; Up/Down walk the history.[/]");
        return Task.FromResult(ExitCodes.Success);
    }

    private async Task<int> ShellAsync(ReplArguments args, CancellationToken ct)
    {
        var command = args.Required(0, "a command (e.g. !ls)");
        var code = await ShellRunner.RunAsync(_context.Terminal, command, _context.Sessions.Context, ct);
        if (code != 0)
        {
            _context.Terminal.Error($"!{ShortCommand(command)} exited with code {code.ToString(CultureInfo.InvariantCulture)}");
        }
        return code;
    }

    private Task<int> ClearAsync(ReplArguments args, CancellationToken ct)
    {
        args.AtMost(0);
        _context.Terminal.Console.Clear(home: true);
        return Task.FromResult(ExitCodes.Success);
    }

    private Task<int> QuitAsync(ReplArguments args, CancellationToken ct)
    {
        args.AtMost(1);
        var code = ExitCodes.Success;
        if (args.Positionals.Count == 1
            && (!int.TryParse(args.Positionals[0], NumberStyles.None, CultureInfo.InvariantCulture, out code) || code > 255))
        {
            throw ReplArguments.Usage(args.Command, $"quit: '{args.Positionals[0]}' is not an exit code (0-255)");
        }
        _context.ExitRequested = code;
        return Task.FromResult(code);
    }

    /// <summary>" (did you mean 'spawn'?)" when a command name is close to <paramref name="word"/>, else "".</summary>
    public string Suggest(string word) =>
        word.Length < 3 ? "" : DidYouMean.Hint(word, Commands.SelectMany(c => c.Names));

    private static string ShortCommand(string command) => command.Length > 60 ? command[..59] + "…" : command;
}
