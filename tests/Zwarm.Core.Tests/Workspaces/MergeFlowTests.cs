using Zwarm.Core.Sessions;
using Zwarm.Core.Workspaces;

namespace Zwarm.Core.Tests.Workspaces;

/// <summary>Two agents in parallel worktrees, merged; a conflicting pair refused, then resolved by the agent.</summary>
public sealed class MergeFlowTests : IDisposable
{
    private readonly GitWorld _world = new();

    public void Dispose() => _world.Dispose();

    [Fact(Timeout = 120_000)]
    public async Task TwoParallelSessions_WritingDifferentFiles_AreBothMerged()
    {
        var a = await _world.Sessions.StartAsync(new StartRequest("@put=a.txt=from-a", Isolation: Zwarm.Core.Config.IsolationMode.Worktree), CancellationToken.None);
        var b = await _world.Sessions.StartAsync(new StartRequest("@put=b.txt=from-b", Isolation: Zwarm.Core.Config.IsolationMode.Worktree), CancellationToken.None);
        var doneA = await _world.WaitAsync(a.Id);
        var doneB = await _world.WaitAsync(b.Id);
        Assert.Equal(SessionStatus.Completed, doneA.Status);
        Assert.Equal(SessionStatus.Completed, doneB.Status);
        Assert.NotEqual(doneA.WorkingDir, doneB.WorkingDir);
        Assert.False(File.Exists(Path.Combine(_world.Repo, "a.txt")), "the agent wrote into the user's tree");

        var first = await _world.Workspaces.MergeAsync(new MergeRequest(a.Id), CancellationToken.None);
        var second = await _world.Workspaces.MergeAsync(new MergeRequest(b.Id), CancellationToken.None);

        Assert.Equal("main", first.Into);
        Assert.Equal("from-a\n", File.ReadAllText(Path.Combine(_world.Repo, "a.txt")));
        Assert.Equal("from-b\n", File.ReadAllText(Path.Combine(_world.Repo, "b.txt")));
        Assert.Equal("", _world.Status());
        Assert.Equal(second.After, _world.Head());
        var recorded = (await _world.Sessions.GetAsync(b.Id, CancellationToken.None)).Workspace!;
        Assert.Equal(second.After, Assert.Single(recorded.Merges).Commit);
    }

    [Fact(Timeout = 120_000)]
    public async Task ConflictingPair_SecondMergeIsRefused_UserTreeUntouched_ThenResolvedByTheAgent()
    {
        var a = await _world.SpawnAndWaitAsync("@put=README.md=version-a");
        var b = await _world.SpawnAndWaitAsync("@put=README.md=version-b");
        await _world.Workspaces.MergeAsync(new MergeRequest(a.Id), CancellationToken.None);
        var headBefore = _world.Head();

        var refused = await Assert.ThrowsAsync<MergeConflictException>(() =>
            _world.Workspaces.MergeAsync(new MergeRequest(b.Id), CancellationToken.None));

        Assert.Equal(["README.md"], refused.Files);
        Assert.Contains("--resolve", refused.Message);
        Assert.Equal("", _world.Status());
        Assert.Equal(headBefore, _world.Head());
        Assert.False(File.Exists(Path.Combine(_world.Repo, ".git", "MERGE_HEAD")));
        Assert.Equal("version-a\n", File.ReadAllText(Path.Combine(_world.Repo, "README.md")));

        // --rebase is tried in a scratch worktree: refused the same way, and the scratch worktree is gone.
        await Assert.ThrowsAsync<MergeConflictException>(() =>
            _world.Workspaces.MergeAsync(new MergeRequest(b.Id, MergeStrategy.Rebase), CancellationToken.None));
        Assert.Equal(3, _world.Run(_world.Repo, "worktree", "list", "--porcelain").Split("\nworktree ").Length);
        Assert.Equal("", _world.Status());

        var resolving = await _world.Workspaces.ResolveAsync(b.Id, null, "@resolve", CancellationToken.None);
        Assert.Equal(["README.md"], resolving.Files);
        Assert.Equal(2, resolving.Meta.Turn);
        var resolved = await _world.WaitAsync(b.Id);
        Assert.Null(resolved.Workspace!.Problem);
        Assert.Null(resolved.Workspace.Resolve);
        Assert.Equal(headBefore, resolved.Workspace.Base);

        var merged = await _world.Workspaces.MergeAsync(new MergeRequest(b.Id), CancellationToken.None);
        Assert.False(merged.AlreadyMerged);
        var text = File.ReadAllText(Path.Combine(_world.Repo, "README.md"));
        Assert.Contains("version-a", text);
        Assert.Contains("version-b", text);
        Assert.DoesNotContain("<<<<<<<", text);
        Assert.Equal("", _world.Status());
    }

    [Fact(Timeout = 120_000)]
    public async Task Merge_IsRefused_WhileRunning_AndWhenTheTargetHasUncommittedChanges()
    {
        var flag = _world.Temp("go");
        var running = await _world.Sessions.StartAsync(new StartRequest($"@put=x.txt=1 @wait-file={flag}",
            Isolation: Zwarm.Core.Config.IsolationMode.Worktree), CancellationToken.None);
        var whileRunning = await Assert.ThrowsAsync<ZwarmException>(() =>
            _world.Workspaces.MergeAsync(new MergeRequest(running.Id), CancellationToken.None));
        Assert.Equal(ErrorKind.Conflict, whileRunning.Kind);
        File.WriteAllText(flag, "");
        await _world.WaitAsync(running.Id);

        File.WriteAllText(Path.Combine(_world.Repo, "README.md"), "edited by the user\n");
        var dirty = await Assert.ThrowsAsync<ZwarmException>(() =>
            _world.Workspaces.MergeAsync(new MergeRequest(running.Id), CancellationToken.None));
        Assert.Equal(ErrorKind.Conflict, dirty.Kind);
        Assert.Contains("uncommitted changes", dirty.Message);
        Assert.False(File.Exists(Path.Combine(_world.Repo, "x.txt")));
    }

    [Theory(Timeout = 120_000)]
    [InlineData(MergeStrategy.Squash, 1)]
    [InlineData(MergeStrategy.NoFastForward, 2)]
    [InlineData(MergeStrategy.Rebase, 1)]
    public async Task Strategies_LandTheChanges_WithTheExpectedParents(MergeStrategy strategy, int parents)
    {
        var a = await _world.SpawnAndWaitAsync("@put=a.txt=1");
        // Move main on, so rebase and squash have something to do.
        File.WriteAllText(Path.Combine(_world.Repo, "other.txt"), "main moved\n");
        _world.Commit("main moves on");

        var merged = await _world.Workspaces.MergeAsync(new MergeRequest(a.Id, strategy, Message: "custom message"), CancellationToken.None);

        Assert.True(File.Exists(Path.Combine(_world.Repo, "a.txt")));
        Assert.True(File.Exists(Path.Combine(_world.Repo, "other.txt")));
        var parentLine = _world.Run(_world.Repo, "rev-list", "--parents", "-n", "1", "HEAD").Trim().Split(' ');
        Assert.Equal(parents, parentLine.Length - 1);
        Assert.Equal(merged.After, _world.Head());
        Assert.Equal("", _world.Status());
    }

    [Fact(Timeout = 120_000)]
    public async Task Remove_KeepsUnmergedWork_AndRemovesTheWorktreeAndBranchOnceMerged()
    {
        var unmerged = await _world.SpawnAndWaitAsync("@put=u.txt=1");
        var merged = await _world.SpawnAndWaitAsync("@put=m.txt=1");
        await _world.Workspaces.MergeAsync(new MergeRequest(merged.Id, MergeStrategy.Squash), CancellationToken.None);

        var refused = await Assert.ThrowsAsync<ZwarmException>(() => _world.Sessions.RemoveAsync(unmerged.Id, false, CancellationToken.None));
        Assert.Equal(ErrorKind.Conflict, refused.Kind);
        Assert.Contains("not merged", refused.Message);
        Assert.True(Directory.Exists(unmerged.Workspace!.Worktree));
        Assert.True(_world.Sessions.Store.Exists(unmerged.Id));

        var cleaned = await _world.Sessions.Removal.CleanAsync(null, dryRun: false, CancellationToken.None);
        Assert.Equal([merged.Id], cleaned.Sessions.Select(s => s.Id));
        Assert.Equal(unmerged.Id, Assert.Single(cleaned.Kept).Id);
        Assert.False(Directory.Exists(merged.Workspace!.Worktree));
        Assert.DoesNotContain(merged.Workspace.Branch, _world.Run(_world.Repo, "branch", "--list"));

        await _world.Sessions.RemoveAsync(unmerged.Id, false, discardWork: true, CancellationToken.None);
        Assert.False(Directory.Exists(unmerged.Workspace.Worktree));
        Assert.Equal("* main\n", _world.Run(_world.Repo, "branch", "--list"));
        Assert.Equal("", _world.Status());
    }
}
