using System.CommandLine;
using Zwarm.Cli.Infrastructure;
using Zwarm.Cli.Rendering;
using Zwarm.Core;
using Zwarm.Core.Sessions;
using Zwarm.Orchestration.Instances;

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
            var stateDir = ctx.Zwarm.StateDirectory;
            var sessions = (await ctx.Sessions.ListAsync(ct)).Sessions;
            var instanceStore = new InstanceStore(stateDir);
            var instances = instanceStore.List().Instances;
            var running = sessions.Where(s => !s.Status.IsStopped()).ToList();
            var live = instances.Where(i => i.LiveStatus() == InstanceStatus.Running).ToList();
            if (live.Count > 0)
            {
                throw new ZwarmException(ErrorKind.Conflict,
                    $"instance {live[0].Id} is running (zwarm status -i {live[0].Id}); stop it (Ctrl-C or :quit) before a reset");
            }
            if (running.Count > 0 && !ctx.Get(kill))
            {
                throw new ZwarmException(ErrorKind.Conflict,
                    $"{Format.Count(running.Count, "session")} running ({string.Join(", ", running.Take(3).Select(s => Format.ShortId(s.Id)))}); " +
                    "kill them first (zwarm kill --all) or pass --kill");
            }
            var extras = ctx.Get(all) ? ExtraFiles(stateDir).Where(File.Exists).ToList() : [];
            var summary = $"{Format.Count(sessions.Count, "session")} and {Format.Count(instances.Count, "instance")}" +
                (extras.Count > 0 ? $" and {string.Join(", ", extras.Select(Path.GetFileName))}" : "") + $" in {stateDir}";
            if (ctx.Get(dryRun))
            {
                terminal.Out.WriteLine($"would delete {summary}");
                return ExitCodes.Success;
            }
            if (sessions.Count == 0 && instances.Count == 0 && extras.Count == 0)
            {
                terminal.Note($"nothing to reset in {stateDir}");
                return ExitCodes.Success;
            }
            if (!ctx.Get(yes) && !Confirm(terminal, $"delete {summary}?"))
            {
                throw new ZwarmException(ErrorKind.Usage, terminal.IsInteractive ? "reset cancelled" : "reset deletes data: pass --yes to confirm");
            }

            foreach (var s in sessions)
            {
                await ctx.Sessions.RemoveAsync(s.Id, force: ctx.Get(kill), ct);
            }
            foreach (var i in instances)
            {
                Directory.Delete(instanceStore.Directory(i.Id), recursive: true);
            }
            foreach (var file in extras)
            {
                File.Delete(file);
            }
            terminal.Out.WriteLine($"deleted {summary}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static IEnumerable<string> ExtraFiles(string stateDir) =>
        new[] { "config.toml", "history", "pilot_history" }.Select(f => Path.Combine(stateDir, f));

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
