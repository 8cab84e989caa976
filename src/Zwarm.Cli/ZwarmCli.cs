// The `zwarm` command tree. Each verb lives in its own file under Commands/ and stays thin: parse, call one
// service, render, return a named exit code.
using System.CommandLine;
using Zwarm.Cli.Commands;
using Zwarm.Cli.Infrastructure;
using Zwarm.Core.Suggestions;

namespace Zwarm.Cli;

internal static class ZwarmCli
{
    /// <summary>Every verb by its name (aliases are declared by each command itself).</summary>
    internal static readonly (string Name, Func<CommandActions, Command> Create)[] Verbs =
    [
        ("init", InitCommand.Create),
        ("spawn", SpawnCommand.Create),
        ("exec", SpawnCommand.CreateExec),
        ("ls", LsCommand.Create),
        ("peek", PeekCommand.Create),
        ("show", ShowCommand.Create),
        ("traj", TrajCommand.Create),
        ("logs", LogsCommand.Create),
        ("continue", ContinueCommand.Create),
        ("wait", WaitCommand.Create),
        ("kill", KillCommand.Create),
        ("compare", CompareCommand.Create),
        ("diff", DiffCommand.Create),
        ("apply", ApplyCommand.Create),
        ("merge", MergeCommand.Create),
        ("push", PushCommand.Create),
        ("worktrees", WorktreesCommand.Create),
        ("rm", RmCommand.Create),
        ("clean", CleanCommand.Create),
        ("reset", ResetCommand.Create),
        ("doctor", DoctorCommand.Create),
        ("agents", AgentsCommand.Create),
        ("configs", ConfigsCommand.Create),
#if ZWARM_LLM_EXTERNAL
        (OrchestrateCommand.Name, _ => HandOff.StandIn(OrchestrateCommand.Name, OrchestrateCommand.Description)),
        (PilotCommand.Name, _ => HandOff.StandIn(PilotCommand.Name, PilotCommand.Description)),
#else
        (OrchestrateCommand.Name, OrchestrateCommand.Create),
        (PilotCommand.Name, PilotCommand.Create),
#endif
        ("instances", InstancesCommand.Create),
        ("status", StatusCommand.Create),
        ("history", HistoryCommand.Create),
        ("models", ModelsCommand.Create),
        (InteractiveCommand.Name, InteractiveCommand.Create),
        (FinalizeCommand.Name, FinalizeCommand.Create),
        (ReadOnlyExecCommand.Name, ReadOnlyExecCommand.Create),
        (CompletionCommand.Name, CompletionCommand.Create),
        (CompletionCommand.CompleteName, CompletionCommand.CreateComplete),
#if ZWARM_LLM_EXTERNAL
        (DemoCommand.Name, _ => HandOff.StandIn(DemoCommand.Name, DemoCommand.Description)),
        (McpCommand.Name, _ => HandOff.StandIn(McpCommand.Name, McpCommand.Description)),
        (DashboardCommand.Name, _ => HandOff.StandIn(DashboardCommand.Name, DashboardCommand.Description)),
#else
        (DemoCommand.Name, DemoCommand.Create),
        (McpCommand.Name, McpCommand.Create),
        (DashboardCommand.Name, DashboardCommand.Create),
#endif
    ];

    /// <summary>
    /// The command tree. With <paramref name="onlyVerb"/>, the root gets just that verb: a command line that
    /// starts with a verb's name cannot reach another one, and building all of them is a measurable share of
    /// start-up. Anything else (options first, an alias, help) gets the whole tree.
    /// </summary>
    public static RootCommand Build(CommandActions actions, string? onlyVerb = null)
    {
        var root = new RootCommand("zwarm: run many coding agents (Codex CLI, Claude Code) in parallel, and direct them.");
        GlobalOptions.AddTo(root);
        VersionText.Install(root, actions.Terminal);
        foreach (var (name, create) in Verbs)
        {
            if (onlyVerb is null || onlyVerb == name)
            {
                root.Subcommands.Add(create(actions));
            }
        }
        return root;
    }

    /// <summary>Parses and runs one command line. Parse errors are one line on stderr and exit code 2.</summary>
    public static async Task<int> RunAsync(string[] args, Terminal terminal, ContextFactory factory,
        CancellationToken cancellationToken = default)
    {
        var verb = args.Length > 0 && Array.Exists(Verbs, v => v.Name == args[0]) ? args[0] : null;
        var root = Build(new CommandActions(terminal, factory), verb);
        // No response files: a task such as "@src/app.py fix the bug" is text, not a file of arguments.
        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (HandOff.IsStandIn(parse.CommandResult.Command))
        {
            // A verb the lean native `zwarm` does not carry: its binary (HandOff.Table) takes the whole command line.
            return HandOff.Run(parse, args, factory.Environment, Environment.ProcessPath, terminal);
        }
        if (parse.Errors.Count > 0 && UnknownVerb(parse, root) is { } unknown)
        {
            terminal.Error(unknown);
            return ExitCodes.Usage;
        }
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                terminal.Error(error.Message);
            }
            var failed = parse.CommandResult.Command == root ? "" : " " + parse.CommandResult.Command.Name;
            terminal.Err.WriteLine($"Run 'zwarm{failed} --help' for usage.");
            return ExitCodes.Usage;
        }
        var config = new InvocationConfiguration
        {
            Output = terminal.Out,
            Error = terminal.Err,
            EnableDefaultExceptionHandler = false,
        };
        if (parse.CommandResult.Command.Name is InteractiveCommand.Name or PilotCommand.Name)
        {
            // The REPLs handle Ctrl-C themselves (stop the running command or turn, keep the REPL); System.CommandLine's
            // handler would cancel the whole REPL and end the process.
            config.ProcessTerminationTimeout = null;
        }
        return await parse.InvokeAsync(config, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>"unknown command 'lss' (did you mean 'ls'?)" when the first word is not a verb; null otherwise.</summary>
    private static string? UnknownVerb(ParseResult parse, RootCommand root)
    {
        if (parse.CommandResult.Command != root || parse.UnmatchedTokens.Count == 0 || parse.UnmatchedTokens[0].StartsWith('-'))
        {
            return null;
        }
        var word = parse.UnmatchedTokens[0];
        var names = root.Subcommands.Where(c => !c.Hidden).SelectMany(c => c.Aliases.Prepend(c.Name));
        return $"unknown command '{word}'" + DidYouMean.Hint(word, names);
    }
}
