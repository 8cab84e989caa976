// The isolation tools against a real git repository and the fake agent: delegate's isolation (auto by default),
// diff_session, merge_session and discard_session.
using System.Text.Json;
using Zwarm.Core;
using Zwarm.Core.Sessions;
using Zwarm.Core.Workspaces;
using Zwarm.Orchestration.Tests.Support;
using Zwarm.Orchestration.Tools;

namespace Zwarm.Orchestration.Tests.Tools;

public sealed class IsolationToolsTests : IDisposable
{
    private readonly CancellationToken _ct = TestTimeout.After(90);
    private readonly TempDirectory _worktrees = new();
    private readonly OrchestrationWorld _world;
    private readonly GitRunner _git;

    public IsolationToolsTests()
    {
        _world = new OrchestrationWorld($"[worktree]\nroot = \"{_worktrees.Path}\"\n");
        _git = new GitRunner(_world.Context.Environment);
        Git("init", "-q", "-b", "main");
        File.WriteAllText(Path.Combine(_world.WorkDir, ".gitignore"), ".zwarm/\n");
        File.WriteAllText(Path.Combine(_world.WorkDir, "notes.txt"), "base\n");
        Git("add", "-A");
        Git("commit", "-q", "-m", "initial");
    }

    public void Dispose()
    {
        _world.Dispose();
        _worktrees.Dispose();
    }

    private string Git(params string[] arguments)
    {
        var result = _git.RunAsync(_world.WorkDir, arguments, new GitCall(AsZwarm: true), CancellationToken.None).GetAwaiter().GetResult();
        Assert.True(result.Succeeded, result.Error);
        return result.Output;
    }

    private SessionTools Tools() =>
        new(_world.Sessions, new SessionToolOptions
        {
            Source = "orchestrator:t", AllowedDirectories = [_world.WorkDir], WorkingDirectory = _world.WorkDir,
        });

    private static Dictionary<string, object?> Args(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!.ToDictionary(kv => kv.Key, kv => (object?)kv.Value);

    private async Task<string> DelegateAsync(SessionTools tools, string arguments)
    {
        var started = await tools.InvokeAsync("delegate", Args(arguments), _ct);
        Assert.False(started.IsError, started.ResultJson);
        var id = started.SessionIds[0];
        await _world.Sessions.WaitAsync([id], WaitMode.All, TimeSpan.FromSeconds(60), _ct);
        return id;
    }

    [Fact]
    public async Task Delegate_isolates_by_default_in_a_repository_then_diff_merge_and_discard()
    {
        var tools = Tools();
        var id = await DelegateAsync(tools, """{"task":"@put=feature.txt=hello"}""");
        Assert.NotNull((await _world.Sessions.GetAsync(id, _ct)).Workspace);
        Assert.False(File.Exists(Path.Combine(_world.WorkDir, "feature.txt")));

        var stat = await tools.InvokeAsync("diff_session", Args($$"""{"id":"{{id}}","stat_only":true}"""), _ct);
        Assert.False(stat.IsError, stat.ResultJson);
        var file = Assert.Single(JsonDocument.Parse(stat.ResultJson).RootElement.GetProperty("files").EnumerateArray().ToList());
        Assert.Equal("feature.txt", file.GetProperty("path").GetString());
        Assert.Equal(1, file.GetProperty("added").GetInt32());
        Assert.False(file.TryGetProperty("patch", out _));
        var full = await tools.InvokeAsync("diff_session", Args($$"""{"id":"{{id}}"}"""), _ct);
        Assert.Contains("+hello", full.ResultJson);

        var merged = await tools.InvokeAsync("merge_session", Args($$"""{"id":"{{id}}"}"""), _ct);
        Assert.False(merged.IsError, merged.ResultJson);
        Assert.Equal("hello", File.ReadAllText(Path.Combine(_world.WorkDir, "feature.txt")).TrimEnd('\n'));
        Assert.Equal("", Git("status", "--porcelain"));

        var other = await DelegateAsync(tools, """{"task":"@put=other.txt=x","isolation":"worktree"}""");
        var branch = (await _world.Sessions.GetAsync(other, _ct)).Workspace!.Branch;
        var discarded = await tools.InvokeAsync("discard_session", Args($$"""{"id":"{{other}}"}"""), _ct);
        Assert.False(discarded.IsError, discarded.ResultJson);
        Assert.DoesNotContain(branch, Git("branch", "--list"));
        await Assert.ThrowsAsync<ZwarmException>(() => _world.Sessions.GetAsync(other, _ct));
    }

    [Fact]
    public async Task Delegate_with_isolation_none_works_in_the_directory_and_a_bad_value_is_refused()
    {
        var tools = Tools();
        var id = await DelegateAsync(tools, """{"task":"@put=plain.txt=y","isolation":"none"}""");
        Assert.Null((await _world.Sessions.GetAsync(id, _ct)).Workspace);
        Assert.True(File.Exists(Path.Combine(_world.WorkDir, "plain.txt")));
        var bad = await tools.InvokeAsync("delegate", Args("""{"task":"t","isolation":"sometimes"}"""), _ct);
        Assert.True(bad.IsError);
        var merge = await tools.InvokeAsync("merge_session", Args($$"""{"id":"{{id}}","strategy":"octopus"}"""), _ct);
        Assert.True(merge.IsError);
    }
    [Fact]
    public void Orchestrator_isolation_in_config_sets_delegates_default()
    {
        using var configured = new OrchestrationWorld("[orchestrator]\nisolation = \"none\"\n");
        Assert.Equal(Zwarm.Core.Config.IsolationMode.None, configured.Config.Orchestrator.Isolation);
        var options = SessionToolOptions.From(configured.Config.Orchestrator, "orchestrator:t", configured.WorkDir, configured.WorkDir);
        Assert.Equal(Zwarm.Core.Config.IsolationMode.None, options.Isolation);
        Assert.Equal(Zwarm.Core.Config.IsolationMode.Auto, _world.Config.Orchestrator.Isolation); // the default
    }
}
