using System.CommandLine;
using Zwarm.Cli.Demo;
using Zwarm.Cli.Infrastructure;
using Zwarm.Core;

namespace Zwarm.Cli.Commands;

/// <summary>`zwarm demo`: real Codex CLI sessions against the built-in scripted model server; no API key needed.</summary>
internal static class DemoCommand
{
    public const string Name = "demo";

    public const string Description = "Run real agent sessions against a local scripted model: parallel spawns, a follow-up, ls, show";

    public static Command Create(CommandActions actions)
    {
        var claude = new Option<bool>("--claude") { Description = "Also run a Claude Code session (installs the pinned Claude Code if missing)" };
        var dir = new Option<string>("--dir")
        {
            Description = "Demo folder: workspace/, state/ and the CLIs' private config (cleared on each run)",
            DefaultValueFactory = _ => "zwarm-demo",
        };
        var timeout = new Option<string?>("--timeout") { Description = "Longest wait for each step's sessions (default 3m)" };
        var command = new Command(Name, Description)
        {
            claude, dir, timeout,
        };
        actions.Set(command, (ctx, ct) =>
        {
            if (ctx.Parse.GetResult(GlobalOptions.StateDir) is { Implicit: false })
            {
                // The demo clears its folder on every run: pointing it at a real state dir would delete sessions.
                throw new ZwarmException(ErrorKind.Usage,
                    "demo keeps its own sessions in <--dir>/state (cleared on each run); choose the folder with --dir, not --state-dir");
            }
            var stepTimeout = DurationParser.ParseOption(ctx.Get(timeout), "--timeout") ?? TimeSpan.FromMinutes(3);
            var options = new DemoOptions(ctx.Get(dir)!, ctx.Get(claude), stepTimeout);
            return new DemoRunner(ctx.Terminal, ctx.Zwarm, options).RunAsync(ct);
        });
        return command;
    }
}
