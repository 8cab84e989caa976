using System.CommandLine;
using Zwarm.Cli.Infrastructure;
using Zwarm.Core;
using Zwarm.Orchestration.Instances;
using Zwarm.Orchestration.Reset;

namespace Zwarm.Cli.Commands;

/// <summary>
/// `zwarm reset`: start the state directory afresh — every session and every orchestrator / pilot instance deleted,
/// config.toml kept (unless --all). Refuses while anything runs (--kill stops running sessions first; a live
/// orchestrator or pilot process is never pulled from under its feet). Asks on a terminal; needs --yes otherwise.
/// </summary>
internal static class ResetCommand
{
    public static Command Create(CommandActions actions)
    {
        var yes = new Option<bool>("--yes", "-y") { Description = "Do not ask for confirmation (needed when stdin is not a terminal)" };
        var kill = new Option<bool>("--kill") { Description = "Kill running sessions first instead of refusing" };
        var all = new Option<bool>("--all") { Description = "Also delete config.toml and the REPL histories" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Only say what would be deleted" };
        var command = new Command("reset", "Delete every session and instance in the state directory (config.toml is kept)") { yes, kill, all, dryRun };
        actions.Set(command, async (ctx, ct) =>
        {
            var terminal = ctx.Terminal;
            var reset = new StateReset(ctx.Sessions, new InstanceStore(ctx.Zwarm.StateDirectory));
            var plan = await reset.PlanAsync(ctx.Get(all), ct);
            StateReset.EnsureAllowed(plan, ctx.Get(kill));
            if (ctx.Get(dryRun))
            {
                terminal.Out.WriteLine($"would delete {plan.Summary}");
                return ExitCodes.Success;
            }
            if (plan.IsEmpty)
            {
                terminal.Note($"nothing to reset in {plan.StateDirectory}");
                return ExitCodes.Success;
            }
            if (!ctx.Get(yes) && !Confirm(terminal, $"delete {plan.Summary}?"))
            {
                throw new ZwarmException(ErrorKind.Usage, terminal.IsInteractive ? "reset cancelled" : "reset deletes data: pass --yes to confirm");
            }
            await reset.RunAsync(plan, ctx.Get(kill), ct);
            terminal.Out.WriteLine($"deleted {plan.Summary}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static bool Confirm(Terminal terminal, string question)
    {
        if (!terminal.IsInteractive)
        {
            return false;
        }
        terminal.Err.Write($"{question} [y/N] ");
        terminal.Err.Flush();
        var answer = terminal.In.ReadLine()?.Trim();
        return answer is "y" or "Y" or "yes";
    }
}
