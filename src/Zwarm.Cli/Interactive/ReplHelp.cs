// help [COMMAND]: the list of commands (the verbs of the tree, then what only the REPL has), or one command's own
// help — the very text `zwarm COMMAND --help` prints — both fitted to the terminal's width, so a narrow terminal
// gets wrapped columns, not fragments.
using System.CommandLine;
using Zwarm.Cli.Infrastructure;
using Zwarm.Core;

namespace Zwarm.Cli.Interactive;

internal static class ReplHelp
{
    /// <param name="showHelp">Runs `COMMAND --help` through the tree (ReplCommandLine).</param>
    public static Command Create(ReplContext context, RootCommand root, IReadOnlyList<Command> additions,
        Func<string, CancellationToken, Task<int>> showHelp)
    {
        var name = new Argument<string?>("command") { Description = "A command (or !)", Arity = ArgumentArity.ZeroOrOne };
        name.CompletionSources.Add(_ => root.Subcommands.Where(c => !c.Hidden).Select(c => c.Name).Order(StringComparer.Ordinal));
        var command = new Command("help", "This list, or one command's options and arguments") { name };
        command.Aliases.Add("h");
        command.SetAction((parse, ct) =>
        {
            var output = context.Terminal.Out;
            if (parse.GetValue(name) is not { } wanted)
            {
                WriteList(output, root, additions, context.Width);
                return Task.FromResult(ExitCodes.Success);
            }
            if (wanted.StartsWith('!'))
            {
                HelpColumns.Wrap("!command: run a shell command (/bin/sh -c) in the current directory; the line's exit code is its own.",
                    context.Width).ForEach(output.WriteLine);
                return Task.FromResult(ExitCodes.Success);
            }
            var found = root.Subcommands.FirstOrDefault(c => !c.Hidden && (c.Name == wanted || c.Aliases.Contains(wanted)))
                ?? throw new ZwarmException(ErrorKind.Usage, $"help: unknown command '{wanted}'; type help for the list");
            return showHelp(found.Name, ct);
        });
        return command;
    }

    private static void WriteList(TextWriter output, RootCommand root, IReadOnlyList<Command> additions, int width)
    {
        static (string, string) Row(Command c) =>
            (string.Join(", ", c.Aliases.Order(StringComparer.Ordinal).Prepend(c.Name)), c.Description ?? "");
        var verbs = root.Subcommands.Where(c => !c.Hidden && !additions.Contains(c) && !ReplCommandLine.Refused.Contains(c.Name));
        output.WriteLine("Commands (the zwarm verbs):");
        HelpColumns.Write(output, [.. verbs.Select(Row)], width);
        output.WriteLine();
        output.WriteLine("Only in the REPL:");
        HelpColumns.Write(output, [.. additions.Select(Row), ("!command", "Run a shell command (/bin/sh -c)")], width);
        output.WriteLine();
        HelpColumns.Wrap("help COMMAND shows a command's options. ID is a full session id, a unique prefix, or 'last' (the newest " +
            "session). Quote text with \"...\" or '...'. Tab completes commands, options and ids; Up/Down walk the history. " +
            $"{string.Join(", ", ReplCommandLine.Refused)} run from a shell, not here.", width).ForEach(output.WriteLine);
    }
}
