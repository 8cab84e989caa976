using System.CommandLine;
using Zwarm.Cli.Infrastructure;
using Zwarm.Core.Sandbox;

namespace Zwarm.Cli.Commands;

/// <summary>
/// `zwarm __readonly-exec [--abi N] SCRATCH -- PROGRAM [ARGS...]` (hidden): what the orchestrator's bash tool runs its shell
/// through. This process puts itself under a Landlock ruleset (read and execute everywhere, write only beneath
/// SCRATCH) and becomes PROGRAM (execv), so the program and all it starts are read-only. It loads no config and no
/// state dir. When the ruleset cannot be applied it runs nothing: one `zwarm: ...` line and exit 126.
/// </summary>
internal static class ReadOnlyExecCommand
{
    public const string Name = "__readonly-exec";

    public static Command Create(CommandActions actions)
    {
        var scratch = new Argument<string>("scratch") { Description = "The only directory the program may write in" };
        var program = new Argument<string[]>("program") { Description = "The program and its arguments (after --)", Arity = ArgumentArity.OneOrMore };
        var abi = new Option<int?>("--abi") { Description = "Use this older Landlock ABI's rights (tests)" };
        var command = new Command(Name, "Run a program with a read-only view of the file system (run by the bash tool)") { scratch, program, abi };
        command.Hidden = true;
        // Synchronous on purpose: the thread that restricts itself must be the one that execs.
        command.SetAction(parse =>
        {
            var terminal = actions.Terminal;
            terminal.Out.Flush();
            terminal.Err.Flush();
            var failure = ReadOnlySandbox.Exec(parse.GetValue(scratch)!, parse.GetValue(program)!, parse.GetValue(abi));
            terminal.Error($"cannot run it read-only: {failure}");
            return ExitCodes.CannotEnforce;
        });
        return command;
    }
}
