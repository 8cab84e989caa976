// `zwarm demo`, step by step: find (or install) the pinned Codex CLI, start the scripted model server on 127.0.0.1,
// spawn three real Codex sessions in parallel through the same SessionService the verbs use (a live status table
// until they finish), continue one of them, then `ls` and `show` with the verbs' own renderers, and a summary.
// With --claude a Claude Code session joins the three. Every session is stopped before the server goes away.
using System.Diagnostics;
using Spectre.Console;
using Zwarm.Cli.Agents;
using Zwarm.Cli.Infrastructure;
using Zwarm.Core.Agents.Install;
using Zwarm.Cli.Rendering;
using Zwarm.Core.Config;
using Zwarm.ScriptedModels;
using Zwarm.ScriptedModels.Demo;

namespace Zwarm.Cli.Demo;

internal sealed class DemoRunner(Terminal terminal, ZwarmContext user, DemoOptions options)
{
    private readonly IAnsiConsole _console = terminal.Console;
    private readonly DemoNarrator _say = new(terminal.Console, steps: 6);

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        _say.Title("zwarm demo: real agent CLI sessions against a scripted model on 127.0.0.1 (no API key; nothing leaves this machine)");
        _say.Step(options.WithClaude ? "Find the Codex CLI and Claude Code" : "Find the Codex CLI");
        var executables = new Dictionary<DemoAgent, string>();
        foreach (var cli in options.WithClaude ? new[] { DemoAgent.Codex, DemoAgent.Claude } : [DemoAgent.Codex])
        {
            executables[cli] = await EnsureCliAsync(cli, cancellationToken);
        }

        _say.Step("Start the scripted model server");
        var layout = DemoLayout.Prepare(options.Directory, user.WorkingDirectory);
        await using var server = await ScriptedModelServer.StartAsync(DemoScript.Create(), cancellationToken);
        var sessions = new SessionService(DemoContext.Create(user, layout, server, executables));
        _say.Detail("model", $"{server.BaseUrl} (OpenAI Responses + Anthropic Messages; the CLIs get a private config pointing here)");
        _say.Detail("workspace", layout.Workspace);
        _say.Detail("state", layout.State);
        try
        {
            return await RunSessionsAsync(sessions, layout, clock, cancellationToken);
        }
        finally
        {
            // The server lives in this process: no session may outlive it (Ctrl-C, a timeout, a failure).
            await sessions.KillAllAsync(CancellationToken.None);
        }
    }

    private async Task<int> RunSessionsAsync(SessionService sessions, DemoLayout layout, Stopwatch clock, CancellationToken ct)
    {
        _say.Step("Spawn sessions in parallel");
        var requests = DemoTasks.Codex.Select(task => new StartRequest(task, "codex")).ToList();
        if (options.WithClaude) requests.Add(new StartRequest(DemoTasks.Claude, "claude_code"));
        foreach (var r in requests)
        {
            _say.Command($"zwarm spawn {DemoNarrator.Quote(r.Task)}" + (r.Adapter == "codex" ? "" : " -a claude"));
        }
        var started = await Task.WhenAll(requests.Select(r => sessions.StartAsync(r, ct)));
        var ids = started.Select(m => m.Id).ToList();
        _say.Note($"{ids.Count} sessions run in the background, each its own detached CLI process; zwarm could exit now.");
        if (await WatchAsync(sessions, ids, ct) is { } failed) return failed;
        foreach (var id in ids)
        {
            PrintReply(await sessions.GetAsync(id, ct));
        }

        _say.Step("Follow up on one session (the CLI resumes its own conversation)");
        var first = ids[0];
        _say.Command($"zwarm continue {Format.ShortId(first)} {DemoNarrator.Quote(DemoTasks.FollowUp)} --wait");
        await sessions.ContinueAsync(first, DemoTasks.FollowUp, ct);
        if (await WatchAsync(sessions, [first], ct) is { } failedAgain) return failedAgain;
        PrintReply(await sessions.GetAsync(first, ct));

        _say.Step("List the sessions");
        _say.Command("zwarm ls");
        var listing = await sessions.ListAsync(ct);
        _console.Write(SessionTable.Build(listing.Sessions, user.Time.GetUtcNow()));

        _say.Step("Show one session");
        _say.Command($"zwarm show {Format.ShortId(first)}");
        var meta = await sessions.GetAsync(first, ct);
        ShowRenderer.Render(terminal, sessions, meta, ShowRenderer.SelectTurns(meta, null), user.Time.GetUtcNow());

        DemoSummary.Write(_console, listing.Sessions, layout, first, clock.Elapsed,
            ZwarmInvocation.For(user.Environment, Environment.ProcessPath), user.WorkingDirectory);
        return ExitCodes.Success;
    }

    /// <summary>Shows the sessions until they stop; an exit code when one did not complete (or time ran out).</summary>
    private async Task<int?> WatchAsync(SessionService sessions, IReadOnlyList<string> ids, CancellationToken ct)
    {
        var watch = await new SessionWatch(sessions, _console, user.Time).UntilStoppedAsync(ids, options.StepTimeout, ct);
        if (watch.TimedOut)
        {
            terminal.Error($"the demo sessions did not finish within {options.StepTimeout.TotalSeconds:0} s; stopping them");
            return ExitCodes.Timeout;
        }
        var bad = watch.Sessions.Where(s => s.Status != SessionStatus.Completed).ToList();
        foreach (var s in bad)
        {
            terminal.Error($"session {Format.ShortId(s.Id)} {s.Status.ToName()}: {s.Error ?? "no error recorded"}");
        }
        return bad.Count == 0 ? null : ExitCodes.SessionFailed;
    }

    private void PrintReply(SessionMeta meta)
    {
        var reply = meta.Messages.LastOrDefault(m => m.Role == "assistant")?.Content ?? "";
        var lines = reply.Trim().Split('\n');
        _console.MarkupLine($"  [bold]{Format.ShortId(meta.Id)}[/] [grey]{TerminalText.Escape(meta.Adapter)} said:[/]");
        foreach (var line in lines.Take(12))
        {
            _console.MarkupLine($"    {TerminalText.Escape(line)}");
        }
    }

    // The same lookup order and installer as spawn and `zwarm agents install`: what the demo installs, spawn runs.
    private async Task<string> EnsureCliAsync(DemoAgent agent, CancellationToken ct)
    {
        var adapter = agent.Adapter;
        var settings = user.Config.AdapterSettingsFor(adapter.Name);
        var locator = AgentLocator.For(user);
        var found = settings.Executable is null ? locator.Find(adapter, settings, user.WorkingDirectory)
            : locator.Require(adapter, settings, user.WorkingDirectory);
        string path;
        if (found is null)
        {
            _console.MarkupLine($"  [yellow]installing {TerminalText.Escape(adapter.Package.Spec)}[/] with npm into " +
                $"{TerminalText.Escape(AgentFolders.DataDirectory(user.Environment))} (once; a few hundred MB; `zwarm agents install {adapter.Name}` does the same)");
            var (installed, _) = await new AgentInstallService(user).InstallAsync(adapter, force: false,
                new InstallProgressPrinter(_console, adapter.Package.Spec), ct);
            path = installed.Executable;
        }
        else
        {
            path = found.Path;
        }
        var version = await VersionProbe.ReadAsync(path, ct)
            ?? throw new Core.ZwarmException(Core.ErrorKind.AgentMissing, $"{path} --version failed; is it the {adapter.DisplayName}?");
        _say.Detail(adapter.ExecutableName, $"{version}  {path}  ({found?.SourceLabel ?? "just installed"})");
        if (!version.Contains(adapter.Package.Version, StringComparison.Ordinal))
        {
            _say.Note($"zwarm is tested with {adapter.Package.Spec}; this one may behave differently.");
        }
        return path;
    }
}
