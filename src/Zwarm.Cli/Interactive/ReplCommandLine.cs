// One REPL line, run through the same command tree as the `zwarm` verbs (ZwarmCli.Build), so every verb exists
// here with the same options, help, completion and exit codes; the REPL only adds what only a REPL has (watch,
// help, clear, quit as commands of the tree; `!command` and `?ID` as line syntax). Lines are split by
// ReplTokenizer rather than CommandLineParser.SplitCommandLine, which knows no single quotes or backslashes and
// silently accepts an unterminated quote: the REPL stands in for a shell.
using System.CommandLine;
using System.CommandLine.Help;
using System.Globalization;
using Zwarm.Cli.Commands;
using Zwarm.Cli.Infrastructure;
using Zwarm.Core;
using Zwarm.Core.Suggestions;

namespace Zwarm.Cli.Interactive;

internal sealed class ReplCommandLine
{
    /// <summary>
    /// Verbs that do not run inside the REPL: each takes over the terminal with its own loop and Ctrl-C handling
    /// (a REPL inside the REPL, pilot's own line editor, orchestrate's live run, the demo's installer and tables),
    /// and in the lean binary orchestrate/pilot/demo hand the whole process over to zwarm-llm.
    /// </summary>
    public static readonly IReadOnlyList<string> Refused =
        [InteractiveCommand.Name, PilotCommand.Name, OrchestrateCommand.Name, DemoCommand.Name, CompletionCommand.Name,
            ReadOnlyExecCommand.Name]; // that one would restrict and replace the REPL's own process

    private readonly ReplContext _context;
    private readonly ParserConfiguration _parser = new() { ResponseFileTokenReplacer = null };

    public ReplCommandLine(ReplContext context, CommandActions actions)
    {
        _context = context;
        Root = ZwarmCli.Build(actions);
        foreach (var refused in Root.Subcommands.Where(c => Refused.Contains(c.Name)))
        {
            refused.Hidden = true; // not offered by Tab or help; typed, they get one line saying why
        }
        Additions = ReplAdditions.AddTo(Root, context, actions, (name, ct) => InvokeAsync(Root.Parse([name, "--help"], _parser), ct));
    }

    /// <summary>The verbs plus the REPL's additions.</summary>
    public RootCommand Root { get; }

    /// <summary>The commands only the REPL has.</summary>
    public IReadOnlyList<Command> Additions { get; }

    /// <summary>Runs one line; returns its exit code (0 for blank lines and comments).</summary>
    public async Task<int> RunAsync(string line, CancellationToken cancellationToken)
    {
        var text = line.Trim();
        if (text.Length == 0 || text.StartsWith('#'))
        {
            return ExitCodes.Success;
        }
        if (text.StartsWith('!'))
        {
            return await ShellAsync(text[1..].Trim(), cancellationToken).ConfigureAwait(false);
        }
        var parse = Parse(text);
        var command = parse.CommandResult.Command;
        if (Refused.Contains(command.Name) && parse.Action is not HelpAction)
        {
            throw new ZwarmException(ErrorKind.Usage, $"{command.Name} does not run inside the REPL; run it from a shell");
        }
        if (parse.Errors.Count > 0)
        {
            var name = command == Root ? "" : " " + command.Name;
            _context.Terminal.Error($"{parse.Errors[0].Message} (help{name} for usage)");
            return ExitCodes.Usage;
        }
        var watch = _context.Notifier.Before();
        var code = await InvokeAsync(parse, cancellationToken).ConfigureAwait(false);
        await _context.Notifier.AfterAsync(watch, parse, CancellationToken.None).ConfigureAwait(false);
        return code;
    }

    private Task<int> InvokeAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        foreach (var help in Root.Options.OfType<HelpOption>())
        {
            help.Action = new HelpAction { MaxWidth = _context.Width }; // the terminal's width now
        }
        return parse.InvokeAsync(new InvocationConfiguration
        {
            Output = _context.Terminal.Out,
            Error = _context.Terminal.Err,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null, // the REPL owns Ctrl-C (InteractiveShell.Interrupt)
        }, cancellationToken);
    }

    /// <summary>Splits and parses <paramref name="text"/>; an unknown verb is a usage error with a suggestion.</summary>
    public ParseResult Parse(string text)
    {
        if (text.Length > 1 && text[0] == '?' && text[1] != ' ')
        {
            text = "? " + text[1..]; // `?ID`, as `? ID`
        }
        var words = ReplTokenizer.Split(text);
        if (words.Count > 0 && words[0] is [not ('-' or '['), ..] && Find(words[0]) is null)
        {
            throw new ZwarmException(ErrorKind.Usage, $"unknown command '{words[0]}'{Suggest(words[0])}; type help for the list");
        }
        return Root.Parse(words, _parser);
    }

    /// <summary>The command (verb or REPL addition) called <paramref name="name"/> or with that alias.</summary>
    public Command? Find(string name) =>
        Root.Subcommands.FirstOrDefault(c => c.Name == name || c.Aliases.Contains(name));

    /// <summary>" (did you mean 'spawn'?)" when a command name is close to <paramref name="word"/>, else "".</summary>
    public string Suggest(string word) =>
        word.Length < 3 ? "" : DidYouMean.Hint(word, Root.Subcommands.Where(c => !c.Hidden).SelectMany(c => c.Aliases.Prepend(c.Name)));

    private async Task<int> ShellAsync(string command, CancellationToken cancellationToken)
    {
        if (command.Length == 0)
        {
            throw new ZwarmException(ErrorKind.Usage, "!: missing a command (e.g. !ls)");
        }
        var code = await ShellRunner.RunAsync(_context.Terminal, command, _context.Sessions.Context, cancellationToken).ConfigureAwait(false);
        if (code != 0)
        {
            var shown = command.Length > 60 ? command[..59] + "…" : command;
            _context.Terminal.Error($"!{shown} exited with code {code.ToString(CultureInfo.InvariantCulture)}");
        }
        return code;
    }
}
