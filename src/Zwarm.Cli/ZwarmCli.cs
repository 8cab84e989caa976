// The `zwarm` command tree. Each verb lives in its own file under Commands/ and stays thin: parse, call one
// service, render, return a named exit code.
using System.CommandLine;
using Zwarm.Cli.Commands;
using Zwarm.Cli.Infrastructure;

namespace Zwarm.Cli;

internal static class ZwarmCli
{
    public static RootCommand Build(CommandActions actions)
    {
        var root = new RootCommand("zwarm: run many coding agents (Codex CLI, Claude Code) in parallel, and direct them.");
        GlobalOptions.AddTo(root);
        foreach (var command in new[]
        {
            InitCommand.Create(actions),
            SpawnCommand.Create(actions),
            LsCommand.Create(actions),
            PeekCommand.Create(actions),
            ShowCommand.Create(actions),
            TrajCommand.Create(actions),
            LogsCommand.Create(actions),
            ContinueCommand.Create(actions),
            WaitCommand.Create(actions),
            KillCommand.Create(actions),
            RmCommand.Create(actions),
            CleanCommand.Create(actions),
            DoctorCommand.Create(actions),
            OrchestrateCommand.Create(actions),
            InstancesCommand.Create(actions),
            StatusCommand.Create(actions),
            HistoryCommand.Create(actions),
            ModelsCommand.Create(actions),
            InteractiveCommand.Create(actions),
            DemoCommand.Create(actions),
        })
        {
            root.Subcommands.Add(command);
        }
        return root;
    }

    /// <summary>Parses and runs one command line. Parse errors are one line on stderr and exit code 2.</summary>
    public static async Task<int> RunAsync(string[] args, Terminal terminal, ContextFactory factory,
        CancellationToken cancellationToken = default)
    {
        var root = Build(new CommandActions(terminal, factory));
        // No response files: a task such as "@src/app.py fix the bug" is text, not a file of arguments.
        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                terminal.Error(error.Message);
            }
            var verb = parse.CommandResult.Command == root ? "" : " " + parse.CommandResult.Command.Name;
            terminal.Err.WriteLine($"Run 'zwarm{verb} --help' for usage.");
            return ExitCodes.Usage;
        }
        var config = new InvocationConfiguration
        {
            Output = terminal.Out,
            Error = terminal.Err,
            EnableDefaultExceptionHandler = false,
        };
        if (parse.CommandResult.Command.Name == InteractiveCommand.Name)
        {
            // The REPL handles Ctrl-C itself (stop the running command, keep the REPL); System.CommandLine's
            // handler would cancel the whole REPL and end the process.
            config.ProcessTerminationTimeout = null;
        }
        return await parse.InvokeAsync(config, cancellationToken).ConfigureAwait(false);
    }
}
