// The store is shared with the Python zwarm: its list_sessions() must read what zwarm writes, and zwarm must read
// what it writes. Runs the Python reference implementation (shared/anchors/seed_session_manager.py) with python3.
using System.Diagnostics;
using System.Text.Json;
using Zwarm.Core.Sessions;
using Zwarm.Core.Tests.Support;

namespace Zwarm.Core.Tests.Sessions;

public sealed class PythonInteropTests : IDisposable
{
    private readonly FakeAgentWorld _world = new();

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task PythonListSessions_ReadsAStoreZwarmWrote()
    {
        var done = await _world.SpawnAndWaitAsync("build the thing");
        await _world.Sessions.ContinueAsync(done.Id, "and test it", CancellationToken.None);
        var twoTurns = await _world.WaitAsync(done.Id);
        var failed = await _world.SpawnAndWaitAsync("@fail=broken", adapter: "claude");

        var listed = await RunPythonAsync($$"""
            import json, sys
            sys.path.insert(0, {{Py(Path.GetDirectoryName(SharedFiles.Anchor("seed_session_manager.py"))!)}})
            from seed_session_manager import CodexSessionManager
            sessions = CodexSessionManager({{Py(_world.Context.StateDirectory)}}).list_sessions()
            print(json.dumps([{"id": s.id, "status": s.status.value, "task": s.task, "turn": s.turn, "adapter": s.adapter,
                               "usage": s.token_usage, "messages": len(s.messages), "runtime": s.runtime} for s in sessions]))
            """);

        var rows = JsonDocument.Parse(listed).RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!);
        Assert.Equal(2, rows.Count);
        var py = rows[twoTurns.Id];
        Assert.Equal("completed", py.GetProperty("status").GetString());
        Assert.Equal("build the thing", py.GetProperty("task").GetString());
        Assert.Equal(2, py.GetProperty("turn").GetInt32());
        Assert.Equal(200, py.GetProperty("usage").GetProperty("input_tokens").GetInt64());
        Assert.Equal(4, py.GetProperty("messages").GetInt32());
        Assert.Equal("failed", rows[failed.Id].GetProperty("status").GetString());
        Assert.Equal("claude_code", rows[failed.Id].GetProperty("adapter").GetString());
    }

    [Fact]
    public async Task Zwarm_ReadsAStoreThePythonImplementationWrote()
    {
        var state = _world.Context.StateDirectory;
        // The anchor writes sessions exactly as the Python _save_session does, with real codex JSONL turn files.
        await RunProcessAsync("python3", SharedFiles.Anchor("bench_seed_list.py"), state, "3", "--generate-only");
        // And one "running" session whose process is long gone, as a crashed Python zwarm would leave it.
        var crashedId = Guid.NewGuid().ToString();
        await RunPythonAsync($$$"""
            import sys
            sys.path.insert(0, {{{Py(Path.GetDirectoryName(SharedFiles.Anchor("seed_session_manager.py"))!)}}})
            from seed_session_manager import *
            from datetime import datetime
            from pathlib import Path
            m = CodexSessionManager({{{Py(state)}}})
            now = datetime.now().isoformat()
            s = CodexSession(id={{{Py(crashedId)}}}, task="left running", status=SessionStatus.RUNNING, working_dir=Path("/tmp"),
                             created_at=now, updated_at=now, pid=999999999)
            m._output_path(s.id, 1).write_text('{"type":"thread.started","thread_id":"t-1"}\n{"type":"turn.failed","error":{"message":"it broke"}}\n')
            m._save_session(s)
            """);

        var listing = await _world.Sessions.ListAsync(CancellationToken.None);

        Assert.Empty(listing.Problems);
        Assert.Equal(4, listing.Sessions.Count);
        var generated = listing.Sessions.Where(s => s.Id != crashedId).ToList();
        Assert.All(generated, s => Assert.Equal(SessionStatus.Completed, s.Status));
        Assert.All(generated, s => Assert.True(s.InputTokens > 0));
        var crashed = listing.Sessions.Single(s => s.Id == crashedId);
        Assert.Equal(SessionStatus.Failed, crashed.Status);
        Assert.Equal("it broke", crashed.Error);

        // Its turn files parse: show/traj work on a Python-written session.
        var meta = await _world.Sessions.GetAsync(generated[0].Id, CancellationToken.None);
        var digest = _world.Sessions.DigestTurn(meta, 1);
        Assert.True(digest.Completed);
        Assert.True(digest.Commands > 0);
        Assert.NotNull(digest.LastMessage);
    }

    private static string Py(string s) => JsonSerializer.Serialize(s);

    private static Task<string> RunPythonAsync(string script) => RunProcessAsync("python3", "-c", script);

    private static async Task<string> RunProcessAsync(string exe, params string[] args)
    {
        var psi = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        using var p = Process.Start(psi)!;
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var stdout = p.StandardOutput.ReadToEndAsync(cts.Token);
        var stderr = p.StandardError.ReadToEndAsync(cts.Token);
        await p.WaitForExitAsync(cts.Token);
        Assert.True(p.ExitCode == 0, $"{exe} failed ({p.ExitCode}): {await stderr}");
        return await stdout;
    }
}
