// The commands only a REPL has, added to the verbs' tree so they parse, complete and show help like the verbs:
// watch, help, clear, quit.
using System.CommandLine;
using System.Globalization;
using Zwarm.Cli.Infrastructure;

namespace Zwarm.Cli.Interactive;

internal static class ReplAdditions
{
    /// <summary>Adds the REPL's commands to <paramref name="root"/>; returns them.</summary>
    /// <param name="showHelp">Shows a command's own help (ReplCommandLine runs `COMMAND --help`).</param>
    public static IReadOnlyList<Command> AddTo(RootCommand root, ReplContext context, CommandActions actions,
        Func<string, CancellationToken, Task<int>> showHelp)
    {
        var additions = new List<Command> { ReplWatch.Create(context, actions), Clear(context), Quit(context) };
        additions.Insert(1, ReplHelp.Create(context, root, additions, showHelp));
        foreach (var command in additions)
        {
            root.Subcommands.Add(command);
        }
        return additions;
    }

    private static Command Clear(ReplContext context)
    {
        var command = new Command("clear", "Clear the screen");
        command.SetAction(_ =>
        {
            context.Terminal.Console.Clear(home: true);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Quit(ReplContext context)
    {
        var code = new Argument<string?>("code") { Description = "Exit code (0-255, default 0)", Arity = ArgumentArity.ZeroOrOne };
        code.Validators.Add(result =>
        {
            if (result.Tokens is [{ } token] && ParseCode(token.Value) is null)
            {
                result.AddError($"quit: '{token.Value}' is not an exit code (0-255)");
            }
        });
        var command = new Command("quit", "Leave the REPL (also exit, q, or Ctrl-D)") { code };
        command.Aliases.Add("exit");
        command.Aliases.Add("q");
        command.SetAction(parse =>
        {
            var exit = parse.GetValue(code) is { } text ? ParseCode(text) ?? ExitCodes.Usage : ExitCodes.Success;
            context.ExitRequested = exit;
            return exit;
        });
        return command;
    }

    private static int? ParseCode(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 255 ? n : null;
}
