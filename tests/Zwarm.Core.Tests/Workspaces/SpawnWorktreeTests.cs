using Zwarm.Core.Config;
using Zwarm.Core.Sessions;

namespace Zwarm.Core.Tests.Workspaces;

/// <summary>spawn --worktree: where the worktree goes, what it gets, and every situation that is refused.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class SpawnWorktreeTests : IDisposable
{
    private readonly GitWorld _world = new();

    public void Dispose() => _world.Dispose();

    [Fact(Timeout = 120_000)]
    public async Task Worktree_IsOutsideTheTree_OnItsOwnBranch_FromTheRecordedBase_InTheSameSubFolder()
    {
        Directory.CreateDirectory(Path.Combine(_world.Repo, "src"));
        File.WriteAllText(Path.Combine(_world.Repo, "src", "app.txt"), "app\n");
        _world.Commit("src");
        _world.Reconfigure([], Path.Combine(_world.Repo, "src"));

        var meta = await _world.SpawnAndWaitAsync("@put=made-here.txt=1");

        var workspace = meta.Workspace!;
        Assert.Equal(_world.Head(), workspace.Base);
        Assert.Equal("main", workspace.BaseBranch);
        Assert.Equal($"zwarm/{meta.Id[..8]}", workspace.Branch);
        Assert.Equal("src", workspace.SubDir);
        Assert.StartsWith(_world.WorktreeRoot + "/repo-", workspace.Worktree);
        Assert.Equal(Path.Combine(workspace.Worktree, "src"), meta.WorkingDir);
        Assert.True(File.Exists(Path.Combine(workspace.Worktree, "src", "made-here.txt")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
            File.GetUnixFileMode(Path.GetDirectoryName(workspace.Worktree)!));
        // zwarm's runtime files (the store inside the repository) never show in git status.
        Assert.True(File.Exists(Path.Combine(_world.Repo, ".zwarm", ".gitignore")));
        Assert.Equal("", _world.Status());
    }

    [Fact(Timeout = 120_000)]
    public async Task UncommittedChanges_AreLeftBehind_OrCarried()
    {
        File.WriteAllText(Path.Combine(_world.Repo, "README.md"), "uncommitted\n");

        var left = await _world.SpawnAndWaitAsync("look");
        var carried = await _world.SpawnAndWaitAsync("look", carry: true);

        Assert.Equal(1, left.Workspace!.LeftBehind);
        Assert.Equal("hello\n", File.ReadAllText(Path.Combine(left.Workspace.Worktree, "README.md")));
        Assert.True(carried.Workspace!.Carried);
        Assert.Equal("uncommitted\n", File.ReadAllText(Path.Combine(carried.Workspace.Worktree, "README.md")));
        Assert.Equal(" M README.md\n", _world.Status()); // the user's own tree keeps its change
    }

    [Fact(Timeout = 120_000)]
    public async Task BranchAndBase_AreHonoured()
    {
        var first = _world.Head();
        File.WriteAllText(Path.Combine(_world.Repo, "later.txt"), "later\n");
        _world.Commit("later");

        var meta = await _world.SpawnAndWaitAsync("x", branch: "feature/mine", baseRef: "HEAD~1");

        Assert.Equal("feature/mine", meta.Workspace!.Branch);
        Assert.Equal(first, meta.Workspace.Base);
        Assert.False(File.Exists(Path.Combine(meta.Workspace.Worktree, "later.txt")));
    }

    [Fact(Timeout = 120_000)]
    public async Task IncludedIgnoredFiles_AreCopied_AndSetupRunsBeforeTheAgent()
    {
        File.WriteAllText(Path.Combine(_world.Repo, ".env"), "SECRET=1\n");
        File.WriteAllText(Path.Combine(_world.Repo, "db.local.json"), "{}\n");
        File.WriteAllText(Path.Combine(_world.Repo, ".worktreeinclude"), ".env\nuntracked-not-ignored.txt\n");
        _world.Commit("include list");
        File.WriteAllText(Path.Combine(_world.Repo, "untracked-not-ignored.txt"), "x\n");
        _world.Reconfigure(["worktree.include=[\"*.local.json\"]", "worktree.setup=\"cat .env > setup.local.json; echo set up\""]);

        var meta = await _world.SpawnAndWaitAsync("@put=agent.txt=1");

        var worktree = meta.Workspace!.Worktree;
        Assert.Equal(SessionStatus.Completed, meta.Status);
        Assert.Equal("SECRET=1\n", File.ReadAllText(Path.Combine(worktree, ".env")));
        Assert.Equal("{}\n", File.ReadAllText(Path.Combine(worktree, "db.local.json")));
        Assert.Equal("SECRET=1\n", File.ReadAllText(Path.Combine(worktree, "setup.local.json")));
        Assert.False(File.Exists(Path.Combine(worktree, "untracked-not-ignored.txt"))); // would be committed: not copied
        Assert.Contains("set up", File.ReadAllText(_world.Sessions.Store.StderrPath(meta.Id, 1)));
        // Ignored files are never checkpointed.
        Assert.DoesNotContain(".env", _world.Run(worktree, "ls-files"));
    }

    [Fact(Timeout = 120_000)]
    public async Task FailingSetup_FailsTheTurn_WithItsOutput()
    {
        _world.Reconfigure(["worktree.setup=\"echo npm exploded >&2; exit 3\""]);

        var meta = await _world.SpawnAndWaitAsync("@put=never.txt=1");

        Assert.Equal(SessionStatus.Failed, meta.Status);
        Assert.Contains("worktree setup failed (exit 3): npm exploded", meta.Error);
        Assert.False(File.Exists(Path.Combine(meta.Workspace!.Worktree, "never.txt")));
    }

    [Fact(Timeout = 120_000)]
    public async Task Submodules_AreInitialised()
    {
        var sub = _world.Temp("sub");
        Directory.CreateDirectory(sub);
        _world.Run(sub, "init", "-q");
        File.WriteAllText(Path.Combine(sub, "lib.txt"), "lib\n");
        _world.Commit("lib", sub);
        _world.Run(_world.Repo, "-c", "protocol.file.allow=always", "submodule", "add", "-q", sub, "vendor/lib");
        _world.Commit("add submodule");
        using var world = new GitWorld(extraEnv: new Dictionary<string, string?>
        {
            ["GIT_CONFIG_COUNT"] = "1", ["GIT_CONFIG_KEY_0"] = "protocol.file.allow", ["GIT_CONFIG_VALUE_0"] = "always",
        }, init: false);
        _world.Run(_world.Repo, "status"); // the repository stays the first world's
        world.Reconfigure([], _world.Repo);

        var meta = await world.SpawnAndWaitAsync("look");

        Assert.Equal("lib\n", File.ReadAllText(Path.Combine(meta.Workspace!.Worktree, "vendor", "lib", "lib.txt")));
    }

    [Fact(Timeout = 120_000)]
    public async Task AWorktreeRemovedByHand_IsReported_NotACrash()
    {
        var flag = _world.Temp("go");
        var meta = await _world.Sessions.StartAsync(new StartRequest($"@wait-file={flag}", Isolation: IsolationMode.Worktree), CancellationToken.None);
        Directory.Delete(meta.Workspace!.Worktree, recursive: true);
        File.WriteAllText(flag, "");

        var done = await _world.WaitAsync(meta.Id);

        Assert.Contains("missing", done.Workspace!.Problem);
        var diff = await _world.Workspaces.DiffAsync(new Zwarm.Core.Workspaces.DiffRequest(meta.Id), CancellationToken.None);
        Assert.Contains("missing", diff.Note);
    }

    public static TheoryData<string, ErrorKind, string> BadRequests => new()
    {
        { "branch:zwarm/taken", ErrorKind.Conflict, "already exists" },
        { "branch:bad..name", ErrorKind.Usage, "not a valid branch name" },
        { "base:no-such-ref", ErrorKind.Usage, "does not name a commit" },
        { "detached", ErrorKind.Conflict, "detached" },
        { "not-a-repo", ErrorKind.Conflict, "not inside a git repository" },
        { "no-commit", ErrorKind.Conflict, "no commit yet" },
        { "bare", ErrorKind.Conflict, "bare repository" },
        { "no-git", ErrorKind.AgentMissing, "git was not found" },
        { "old-git", ErrorKind.AgentMissing, "2.30.1 is too old: isolated sessions need git 2.38.0" },
    };

    [Theory(Timeout = 60_000)]
    [MemberData(nameof(BadRequests))]
    public async Task BadSituations_AreOneLine_AndChangeNothing(string situation, ErrorKind kind, string message)
    {
        string? branch = null, baseRef = null;
        var dir = _world.Repo;
        switch (situation)
        {
            case "branch:zwarm/taken": _world.Run(_world.Repo, "branch", "zwarm/taken"); branch = "zwarm/taken"; break;
            case "branch:bad..name": branch = "bad..name"; break;
            case "base:no-such-ref": baseRef = "no-such-ref"; break;
            case "detached": _world.Run(_world.Repo, "checkout", "-q", "--detach"); break;
            case "not-a-repo": dir = _world.Temp("plain"); break;
            case "no-commit": dir = _world.Temp("empty"); Directory.CreateDirectory(dir); _world.Run(dir, "init", "-q"); break;
            case "bare": dir = _world.Temp("bare.git"); Directory.CreateDirectory(dir); _world.Run(dir, "init", "-q", "--bare"); break;
            case "no-git": _world.Reconfigure([]); break;
            case "old-git": break;
        }
        Directory.CreateDirectory(dir);
        var world = _world;
        using var other = situation is "no-git" or "old-git" ? new GitWorld(extraEnv: new Dictionary<string, string?> { ["PATH"] = FakeGitPath(situation) }, init: false) : null;
        if (other is not null)
        {
            other.Reconfigure([], _world.Repo);
            world = other;
        }
        else
        {
            _world.Reconfigure([], dir);
        }
        var branchesBefore = _world.Run(_world.Repo, "branch", "--list");

        var e = await Assert.ThrowsAsync<ZwarmException>(() => world.Sessions.StartAsync(
            new StartRequest("task", Isolation: IsolationMode.Worktree, Branch: branch, Base: baseRef), CancellationToken.None));

        Assert.Equal(kind, e.Kind);
        Assert.Contains(message, e.Message);
        Assert.DoesNotContain('\n', e.Message);
        Assert.Empty(world.Sessions.Store.EnumerateIds());
        Assert.Equal(branchesBefore, _world.Run(_world.Repo, "branch", "--list"));
        Assert.False(Directory.Exists(_world.WorktreeRoot) && Directory.EnumerateFileSystemEntries(_world.WorktreeRoot, "*", SearchOption.AllDirectories)
            .Any(p => !Directory.Exists(p)), "a worktree was left behind");
    }

    private string FakeGitPath(string situation)
    {
        var bin = _world.Temp("fake-bin-" + situation);
        Directory.CreateDirectory(bin);
        foreach (var tool in new[] { "sh", "setsid", "env" })
        {
            var real = new[] { "/usr/bin", "/bin" }.Select(d => Path.Combine(d, tool)).First(File.Exists);
            File.CreateSymbolicLink(Path.Combine(bin, tool), real);
        }
        if (situation == "old-git")
        {
            File.WriteAllText(Path.Combine(bin, "git"), "#!/bin/sh\necho 'git version 2.30.1'\n");
            File.SetUnixFileMode(Path.Combine(bin, "git"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return bin;
    }

    [Fact(Timeout = 60_000)]
    public async Task AutoIsolation_UsesAWorktreeOnlyInsideARepositoryWithACommit()
    {
        _world.Reconfigure(["executor.isolation=\"auto\""]);
        var inRepo = await _world.Sessions.StartAsync(new StartRequest("x"), CancellationToken.None);
        Assert.NotNull(inRepo.Workspace);

        var plain = _world.Temp("plain");
        Directory.CreateDirectory(plain);
        _world.Reconfigure(["executor.isolation=\"auto\""], plain);
        var outside = await _world.Sessions.StartAsync(new StartRequest("x"), CancellationToken.None);
        Assert.Null(outside.Workspace);
        Assert.Equal(plain, outside.WorkingDir);
        await _world.WaitAsync(inRepo.Id);
        await _world.WaitAsync(outside.Id);
    }
}
