using System.CommandLine;
using Spectre.Console;
using Zwarm.Cli.Completion;
using Zwarm.Cli.Infrastructure;
using Zwarm.Cli.Rendering;
using Zwarm.Core.Sessions;

namespace Zwarm.Cli.Commands;

/// <summary>
/// `zwarm spawn "task"`: start a session in the background (optionally wait for its first turn). `zwarm exec "task"`
/// is the same with the wait built in (the Python zwarm's exec): the result is printed and the exit code says how it ended.
/// </summary>
internal static class SpawnCommand
{
    public static Command Create(CommandActions actions) => Create(actions, exec: false);

    public static Command CreateExec(CommandActions actions) => Create(actions, exec: true);

    private static Command Create(CommandActions actions, bool exec)
    {
        var task = TextArgument.Create("task", "What the agent should do (the rest of the words)");
        var adapter = new Option<string?>("--adapter", "-a")
        {
            Description = "Agent CLI: codex | claude_code (alias claude); default from config. A list (codex,claude or codex:2,claude:1) starts one isolated attempt each",
        };
        var model = new Option<string?>("--model", "-m") { Description = "Model (default: config, else the CLI's own default)" };
        var dir = new Option<string?>("--dir", "-C") { Description = "Working directory of the agent (default: current directory)" };
        var sandbox = new Option<string?>("--sandbox", "-s") { Description = "read-only | workspace-write | danger-full-access (default: config, workspace-write)" };
        var wait = new Option<bool>("--wait", "-w") { Description = "Wait for the turn to end and print the result" };
        var timeout = new Option<string?>("--timeout")
        {
            Description = exec ? "Give up waiting after this long (e.g. 90s, 10m; the session keeps running)" : "With --wait: give up waiting after this long (e.g. 90s, 10m)",
        };
        var json = JsonFlag.Create();
        ValueCompletion.Adapters(adapter);
        ValueCompletion.Models(model, actions);
        ValueCompletion.Directories(dir, actions);
        ValueCompletion.SandboxModes(sandbox);
        var isolation = new IsolationOptions();
        var attempts = new Option<int?>("--attempts", "-n")
        {
            Description = "Best of N: run the task in N isolated sessions at once, one group (with -a codex,claude: N each; or -a codex:2,claude:1)",
        };

        var command = exec
            ? new Command("exec", "Run a task in a new agent session and wait for its result (spawn --wait)") { task, adapter, model, dir, sandbox, timeout, json }
            : new Command("spawn", "Start a new agent session in the background") { task, adapter, model, dir, sandbox, wait, timeout, json };
        isolation.AddTo(command);
        if (!exec)
        {
            command.Options.Add(attempts);
        }
        actions.Set(command, async (ctx, ct) =>
        {
            var waitTimeout = DurationParser.ParseOption(ctx.Get(timeout), "--timeout");
            var request = isolation.Apply(ctx, new StartRequest(
                TextArgument.Join(ctx.Get(task)), ctx.Get(adapter), ctx.Get(model), ctx.Get(dir), ctx.Get(sandbox)));
            if (!exec && GroupSpawn.Plan(ctx, ctx.Get(adapter), ctx.Get(attempts)) is { } plan)
            {
                return await GroupSpawn.RunAsync(ctx, request, plan, ctx.Get(wait), waitTimeout, ctx.Get(json), ct);
            }
            var meta = await ctx.Sessions.StartAsync(request, ct);
            IsolationOptions.Report(ctx, meta);
            if (!exec && !ctx.Get(wait))
            {
                if (ctx.Get(json))
                {
                    JsonOutput.Write(ctx.Terminal, ToView(meta), CliJsonContext.Output.SpawnView);
                }
                else
                {
                    ctx.Terminal.Out.WriteLine(meta.Id);
                    ctx.Terminal.Note($"started {meta.Adapter} session {Format.ShortId(meta.Id)} in {meta.WorkingDir} (zwarm peek {Format.ShortId(meta.Id)})");
                }
                return ExitCodes.Success;
            }
            if (!ctx.Get(json))
            {
                ctx.Terminal.Note($"started {meta.Adapter} session {meta.Id}; waiting...");
            }
            return await WaitCommand.WaitAndReportAsync(ctx, [meta.Id], WaitMode.All, waitTimeout, ctx.Get(json), ct);
        });
        return command;
    }

    internal static SpawnView ToView(SessionMeta meta) =>
        new(meta.Id, meta.Status.ToName(), meta.Adapter, meta.Model, meta.WorkingDir, meta.Sandbox ?? "", meta);
}
