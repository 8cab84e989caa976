using Zwarm.Core.Sessions;
using Zwarm.Core.Workspaces;

namespace Zwarm.Core.Tests.Workspaces;

/// <summary>Per-turn checkpoint commits, diff (whole and per turn, of a running session too) and apply.</summary>
public sealed class CheckpointTests : IDisposable
{
    private readonly GitWorld _world = new();

    public void Dispose() => _world.Dispose();

    [Fact(Timeout = 120_000)]
    public async Task EachTurn_IsOneCommit_AndDiffTurnShowsOnlyThatTurn()
    {
        var first = await _world.SpawnAndWaitAsync("add a @put=a.txt=one \nsecond line");
        var second = await _world.ContinueAndWaitAsync(first.Id, "now b @put=b.txt=two @delete=README.md");
        var third = await _world.ContinueAndWaitAsync(first.Id, "nothing this time");

        var workspace = third.Workspace!;
        Assert.Equal([1, 2, 3], workspace.TurnCommits.Select(t => t.Turn));
        Assert.NotNull(workspace.TurnCommits[0].Commit);
        Assert.NotNull(workspace.TurnCommits[1].Commit);
        Assert.Null(workspace.TurnCommits[2].Commit); // a turn that changed nothing adds no commit
        var log = _world.Run(workspace.Worktree, "log", "--format=%s|%an <%ae>", $"{workspace.Base}..HEAD").Trim().Split('\n');
        Assert.Equal(["zwarm: turn 2: now b @put=b.txt=two @delete=README.md|zwarm <zwarm@localhost>", "zwarm: turn 1: add a @put=a.txt=one|zwarm <zwarm@localhost>"], log);
        Assert.Equal((2, 1, 3), (workspace.Added, workspace.Removed, workspace.FilesChanged));

        var turn2 = await _world.Workspaces.DiffAsync(new DiffRequest(first.Id, 2, DiffFormat.NameOnly), CancellationToken.None);
        Assert.Equal("README.md\nb.txt\n", turn2.Text);
        var all = await _world.Workspaces.DiffAsync(new DiffRequest(first.Id, Format: DiffFormat.Files), CancellationToken.None);
        Assert.Equal(["README.md:D", "a.txt:A", "b.txt:A"], all.Files.Select(f => $"{f.Path}:{f.Status}"));
        Assert.Contains("+one", all.Files[1].Patch);
        Assert.Equal(1, all.Files[1].Added);
        Assert.Equal("", _world.Status());
    }

    [Fact(Timeout = 120_000)]
    public async Task AnAgentsOwnCommits_AreKept()
    {
        var meta = await _world.SpawnAndWaitAsync("@put=a.txt=1 @commit=agent-made");

        var workspace = meta.Workspace!;
        var checkpoint = Assert.Single(workspace.TurnCommits);
        Assert.Null(checkpoint.Commit);
        Assert.NotEqual(workspace.Base, checkpoint.Head);
        Assert.Equal("agent-made", _world.Run(workspace.Worktree, "log", "-1", "--format=%s").Trim());
    }

    [Fact(Timeout = 120_000)]
    public async Task Diff_OfARunningSession_ShowsUncommittedWork_WithoutTouchingItsIndex()
    {
        var flag = _world.Temp("go");
        var meta = await _world.Sessions.StartAsync(new StartRequest($"@put=x.txt=wip @wait-file={flag}",
            Isolation: Zwarm.Core.Config.IsolationMode.Worktree), CancellationToken.None);
        var worktree = meta.Workspace!.Worktree;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!File.Exists(Path.Combine(worktree, "x.txt")) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
        var statusBefore = _world.Status(worktree);
        var index = _world.Run(worktree, "rev-parse", "--path-format=absolute", "--git-path", "index").Trim();
        var before = (File.ReadAllBytes(index), File.GetLastWriteTimeUtc(index));

        var diff = await _world.Workspaces.DiffAsync(new DiffRequest(meta.Id), CancellationToken.None);

        Assert.True(diff.IncludesUncommitted);
        Assert.Contains("+wip", diff.Text);
        Assert.Equal(before.Item1, File.ReadAllBytes(index));
        Assert.Equal(before.Item2, File.GetLastWriteTimeUtc(index));
        Assert.Equal(statusBefore, _world.Status(worktree));
        Assert.Equal("?? x.txt\n", statusBefore);
        File.WriteAllText(flag, "");
        var done = await _world.WaitAsync(meta.Id);
        Assert.NotNull(Assert.Single(done.Workspace!.TurnCommits).Commit);
    }

    [Fact(Timeout = 120_000)]
    public async Task Apply_WritesUncommittedEdits_OrRefusesChangingNothing()
    {
        var meta = await _world.SpawnAndWaitAsync("@put=README.md=agent @put=new.txt=n");

        var applied = await _world.Workspaces.ApplyAsync(meta.Id, CancellationToken.None);
        Assert.Equal(["README.md", "new.txt"], applied.Files);
        Assert.Equal("agent\n", File.ReadAllText(Path.Combine(_world.Repo, "README.md")));
        Assert.Contains("?? new.txt", _world.Status());
        Assert.Equal("apply", Assert.Single((await _world.Sessions.GetAsync(meta.Id, CancellationToken.None)).Workspace!.Merges).Strategy);

        // Undo, then make README.md disagree: the second apply is refused and changes nothing.
        _world.Run(_world.Repo, "checkout", "--", "README.md");
        File.Delete(Path.Combine(_world.Repo, "new.txt"));
        File.WriteAllText(Path.Combine(_world.Repo, "README.md"), "the user's own\n");
        var refused = await Assert.ThrowsAsync<MergeConflictException>(() => _world.Workspaces.ApplyAsync(meta.Id, CancellationToken.None));
        Assert.Equal(["README.md"], refused.Files);
        Assert.Equal("the user's own\n", File.ReadAllText(Path.Combine(_world.Repo, "README.md")));
        Assert.False(File.Exists(Path.Combine(_world.Repo, "new.txt")));
    }

    [Fact(Timeout = 120_000)]
    public async Task AFinalisationRunTwice_KeepsTheTurnsCommit()
    {
        // An interrupted finalisation (cancelled after the commit, before meta.json was written) is run again by the
        // next reader: the turn's checkpoint is already the head, and it must stay recorded as this turn's commit.
        var done = await _world.SpawnAndWaitAsync("@put=a.txt=one");
        var first = Assert.Single(done.Workspace!.TurnCommits);
        Assert.NotNull(first.Commit);

        var again = new TurnCheckpointHook(_world.Context).OnTurnEnded(done with { Workspace = done.Workspace with { TurnCommits = [] } },
            CancellationToken.None);

        Assert.Equal(first.Commit, Assert.Single(again.Workspace!.TurnCommits).Commit);
    }
}
