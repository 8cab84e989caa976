using System.CommandLine;
using Spectre.Console;
using Zwarm.Cli.Infrastructure;
using Zwarm.Cli.Rendering;
using Zwarm.Core;
using Zwarm.Core.Config;
using Zwarm.Core.Health;

namespace Zwarm.Cli.Commands;

/// <summary>
/// `zwarm doctor [--fix]`: what zwarm can find — agent CLIs and versions, API keys, a writable state dir, config,
/// leftovers in the store, whether Claude Code / Codex start zwarm as an MCP server (the checks are Core's
/// HealthCheck; --fix removes stale leftovers and makes the store private). Runs even when the config or the state
/// dir is refused, and names why.
/// </summary>
internal static class DoctorCommand
{
    public static Command Create(CommandActions actions)
    {
        var json = JsonFlag.Create();
        var fix = new Option<bool>("--fix") { Description = "Remove stale leftovers (half-made or half-deleted session folders) and make the store private" };
        var command = new Command("doctor", "Check the agent CLIs, API keys, state directory and config") { fix, json };
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                return await RunAsync(actions, parse, parse.GetValue(fix), parse.GetValue(json), ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return FailureReport.Write(actions.Terminal, e);
            }
        });
        return command;
    }

    private static async Task<int> RunAsync(CommandActions actions, ParseResult parse, bool fix, bool json, CancellationToken ct)
    {
        var terminal = actions.Terminal;
        var env = actions.Factory.Environment;
        string? configError = null;
        LoadedContext? loaded = null;
        try
        {
            loaded = actions.Factory.Create(parse);
        }
        catch (ZwarmException e)
        {
            configError = e.Message;
        }
        var stateDir = loaded?.Context.StateDirectory
            ?? ZwarmContext.FindStateDirectory(parse.GetValue(GlobalOptions.StateDir), actions.Factory.WorkingDirectory, env);
        string? stateProblem = null;
        try
        {
            StateDirectoryOwnership.Check(stateDir, env);
        }
        catch (ZwarmException e)
        {
            stateProblem = e.Message;
            configError = null;
        }
        var llmBinary = HandOff.InProcess ? null : SiblingBinary.Llm.Resolve(env, Environment.ProcessPath);
        var check = new HealthCheck(loaded?.Context.Time ?? TimeProvider.System);
        if (fix && stateProblem is null)
        {
            foreach (var line in await check.FixAsync(stateDir, ct))
            {
                terminal.Note(line);
            }
        }
        var report = await check.RunAsync(new HealthRequest(stateDir, stateProblem, loaded?.Context.Config ?? ZwarmConfig.Default,
            loaded?.Document.SourcePath is { } p && File.Exists(p) ? p : null, configError, env, actions.Factory.WorkingDirectory,
            new LlmVerbsHealth(HandOff.InProcess, llmBinary, llmBinary is null || File.Exists(llmBinary))), ct);
        if (json)
        {
            JsonOutput.Write(terminal, report, CliJsonContext.Output.HealthReport);
            return report.Healthy ? ExitCodes.Success : ExitCodes.SessionFailed;
        }
        Render(terminal, report);
        return report.Healthy ? ExitCodes.Success : ExitCodes.SessionFailed;
    }

    private static void Render(Terminal terminal, HealthReport report)
    {
        var console = terminal.Console;
        string Mark(bool ok) => ok ? "[green]ok[/]" : "[red]!![/]";
        foreach (var a in report.Agents)
        {
            console.MarkupLine($"{Mark(a.Problem is null)} {a.Adapter,-12} " + (a.Problem is null
                ? Markup.Escape($"{a.Version} ({a.Path})")
                : $"[red]{Markup.Escape(a.Problem)}[/] — install: {Markup.Escape(a.InstallHint)}"));
        }
        foreach (var k in report.ApiKeys)
        {
            console.MarkupLine($"{(k.Present ? "[green]ok[/]" : "[grey]--[/]")} {k.Name,-20} {(k.Present ? "set" : "not set")}");
        }
        var state = report.StateProblem is { } problem ? $" [red]{Markup.Escape(problem)}[/]"
            : report.StateWritable ? " (writable)" : " [red](not writable)[/]";
        console.MarkupLine($"{Mark(report.StateWritable)} state dir    {Markup.Escape(report.StateDirectory)}{state}");
        console.MarkupLine($"{Mark(report.Leftovers.Count == 0)} leftovers    " + (report.Leftovers.Count == 0
            ? "none"
            : Markup.Escape($"{report.Leftovers.Count} ({report.Leftovers[0]}{(report.Leftovers.Count > 1 ? ", ..." : "")}): zwarm doctor --fix or zwarm clean removes them")));
        console.MarkupLine($"{Mark(report.ConfigError is null)} config       {Markup.Escape(report.ConfigError ?? report.ConfigFile ?? "(none, defaults)")}");
        console.MarkupLine($"{Mark(report.Setsid)} setsid       {Markup.Escape(Core.Processes.ExecutableResolver.Setsid)}");
        if (report.Git is { } git)
        {
            console.MarkupLine($"{Mark(git.Problem is null)} git          " + (git.Problem is null
                ? Markup.Escape($"{git.Version} ({git.Path}; isolated sessions need {git.Minimum}+)")
                : $"[red]{Markup.Escape(git.Problem)}[/] — only isolated sessions (--worktree, --attempts) need it"));
        }
        foreach (var mcp in report.McpClients ?? [])
        {
            RenderMcp(console, mcp);
        }
        if (report.ReadOnlyBash is { } sandbox)
        {
            console.MarkupLine((sandbox.Enforceable ? "[green]ok[/]" : "[yellow]--[/]") + " read-only bash " + Markup.Escape(sandbox.Enforceable
                ? sandbox.Describe()
                : $"{sandbox.Describe()}: the orchestrator's bash is not offered unless [orchestrator] bash_unsandboxed = true"));
        }
        var llm = report.LlmVerbs;
        console.MarkupLine($"{Mark(llm.Available)} llm verbs    " + (llm.InProcess
            ? "orchestrate, pilot and demo run in this binary"
            : llm.Available
                ? $"orchestrate, pilot and demo run in {Markup.Escape(llm.Binary ?? "")}"
                : $"[red]{Markup.Escape(llm.Binary ?? "")} is missing[/]: orchestrate, pilot and demo need it (scripts/install.sh)"));
    }

    /// <summary>One client's line; its config file is the user's, so what is shown of it is made terminal-safe.</summary>
    private static void RenderMcp(IAnsiConsole console, McpClientHealth mcp)
    {
        var name = mcp.Client == "claude" ? "Claude Code" : "Codex";
        var mark = mcp.Problem is not null ? "[red]!![/]" : mcp.Registered ? "[green]ok[/]" : "[grey]--[/]";
        var problem = mcp.Problem is { } bad ? $"[red]{Markup.Escape(TerminalText.Safe(bad))}[/]" : "";
        var text = mcp.Registered
            ? Markup.Escape(TerminalText.Safe($"{name} starts zwarm as an MCP server: {mcp.Command} ({mcp.ConfigFile})")) + (problem.Length > 0 ? " " + problem : "")
            : problem.Length > 0
                ? problem
                : Markup.Escape(TerminalText.Safe($"{name} does not use zwarm (zwarm mcp install --{mcp.Client} registers it in {mcp.ConfigFile})"));
        console.MarkupLine($"{mark} mcp {mcp.Client,-8} {text}");
    }
}
