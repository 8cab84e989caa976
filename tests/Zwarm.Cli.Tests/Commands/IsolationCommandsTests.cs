using System.Text.Json;
using Zwarm.Cli.Tests.Support;
using Zwarm.Core.Workspaces;

namespace Zwarm.Cli.Tests.Commands;

/// <summary>spawn --worktree, diff, merge, apply and ls/show through the command line, in a real git repository.</summary>
public sealed class IsolationCommandsTests : IDisposable
{
    private readonly CliRunner _cli = new();
    private readonly GitRunner _git;

    public IsolationCommandsTests()
    {
        var home = Path.Combine(_cli.WorkDir, "..", "home");
        Directory.CreateDirectory(home);
        File.WriteAllText(Path.Combine(home, "gitconfig"), "[init]\n\tdefaultBranch = main\n");
        _cli.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        _cli.Environment["GIT_CONFIG_GLOBAL"] = Path.Combine(home, "gitconfig");
        _cli.Environment["XDG_DATA_HOME"] = Path.GetFullPath(Path.Combine(_cli.WorkDir, "..", "data"));
        _git = new GitRunner(_cli.Environment);
    }

    public void Dispose() => _cli.Dispose();

    private string Git(params string[] arguments)
    {
        var result = _git.RunAsync(_cli.WorkDir, arguments, new GitCall(AsZwarm: true), CancellationToken.None).GetAwaiter().GetResult();
        Assert.True(result.Succeeded, result.Error);
        return result.Output;
    }

    private void InitRepository()
    {
        Git("init", "-q");
        File.WriteAllText(Path.Combine(_cli.WorkDir, ".gitignore"), ".zwarm/\n");
        File.WriteAllText(Path.Combine(_cli.WorkDir, "notes.txt"), "base\n");
        Git("add", "-A");
        Git("commit", "-q", "-m", "initial");
    }

    private async Task<string> SpawnAsync(string task)
    {
        var result = await _cli.RunAsync("spawn", task, "--worktree", "--json");
        Assert.True(result.ExitCode == 0, result.Err);
        var id = JsonDocument.Parse(result.Out).RootElement.GetProperty("id").GetString()!;
        Assert.Equal(0, (await _cli.RunAsync("wait", id, "--timeout", "60s")).ExitCode);
        return id;
    }

    [Fact(Timeout = 120_000)]
    public async Task Spawn_Diff_Ls_Show_Merge_ThroughTheCommandLine()
    {
        InitRepository();
        var id = await SpawnAsync("@put=feature.txt=new-line");

        var names = await _cli.RunAsync("diff", id, "--name-only");
        Assert.Equal("feature.txt\n", names.Out);
        var json = JsonDocument.Parse((await _cli.RunAsync("diff", id, "--json")).Out).RootElement;
        var file = Assert.Single(json.GetProperty("files").EnumerateArray().ToList());
        Assert.Equal("A", file.GetProperty("status").GetString());
        Assert.Equal(1, file.GetProperty("added").GetInt32());
        Assert.Contains("+new-line", file.GetProperty("patch").GetString());
        var patch = await _cli.RunAsync("diff", id, "--turn", "1");
        Assert.Contains("+new-line", patch.Out);
        Assert.DoesNotContain("\u001b[", patch.Out); // plain when not a terminal

        var ls = JsonDocument.Parse((await _cli.RunAsync("ls", "--json")).Out).RootElement[0];
        Assert.Equal($"zwarm/{id[..8]}", ls.GetProperty("branch").GetString());
        Assert.Equal(1, ls.GetProperty("lines_added").GetInt32());
        Assert.Contains("+1 -0", (await _cli.RunAsync("ls")).Out);
        var show = await _cli.RunAsync("show", id);
        Assert.Contains("worktree", show.Out);
        Assert.Contains("--turn 1", show.Out);

        var merge = await _cli.RunAsync("merge", id);
        Assert.True(merge.ExitCode == 0, merge.Err);
        Assert.Contains($"merged zwarm/{id[..8]} into main", merge.Err);
        Assert.Equal("new-line\n", File.ReadAllText(Path.Combine(_cli.WorkDir, "feature.txt")));
        Assert.Equal("", Git("status", "--porcelain"));
    }

    [Fact(Timeout = 120_000)]
    public async Task ConflictingMerge_IsExit5_NamingTheFiles_AndLeavesTheTreeAlone()
    {
        InitRepository();
        var a = await SpawnAsync("@put=notes.txt=from-a");
        var b = await SpawnAsync("@put=notes.txt=from-b");
        Assert.Equal(0, (await _cli.RunAsync("merge", a, "--squash")).ExitCode);

        var refused = await _cli.RunAsync("merge", b);

        Assert.Equal(5, refused.ExitCode);
        Assert.StartsWith("zwarm: merging session", refused.Err);
        Assert.Contains("notes.txt", refused.Err);
        Assert.Contains($"zwarm merge {b[..8]} --resolve", refused.Err);
        Assert.Equal("", Git("status", "--porcelain"));
        Assert.False(File.Exists(Path.Combine(_cli.WorkDir, ".git", "MERGE_HEAD")));
        var apply = await _cli.RunAsync("apply", b);
        Assert.Equal(5, apply.ExitCode);
        Assert.Contains("notes.txt", apply.Err);
        Assert.Equal("from-a\n", File.ReadAllText(Path.Combine(_cli.WorkDir, "notes.txt")));
    }

    [Theory(Timeout = 60_000)]
    [InlineData(5, "not inside a git repository", "spawn", "x", "--worktree")]
    [InlineData(2, "--no-worktree does not go with", "spawn", "x", "--no-worktree", "--branch", "b")]
    [InlineData(2, "choose one of", "merge", "00000000", "--squash", "--rebase")]
    public async Task BadRequests_AreOneLineAndANamedExitCode(int exit, string message, params string[] args)
    {
        var result = await _cli.RunAsync(args);

        Assert.Equal(exit, result.ExitCode);
        Assert.Contains(message, result.Err);
        Assert.Single(result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact(Timeout = 120_000)]
    public async Task Worktrees_ListsThemWithMergedOrNot_AndRmKeepsUnmergedWork()
    {
        InitRepository();
        var merged = await SpawnAsync("@put=one.txt=1");
        var unmerged = await SpawnAsync("@put=two.txt=2");
        Assert.Equal(0, (await _cli.RunAsync("merge", merged)).ExitCode);

        var list = JsonDocument.Parse((await _cli.RunAsync("worktrees", "--json")).Out).RootElement.EnumerateArray()
            .ToDictionary(v => v.GetProperty("session").GetString()!, v => v.GetProperty("merged").GetBoolean());
        Assert.True(list[merged]);
        Assert.False(list[unmerged]);

        // One session with unmerged work among the ids: nothing is removed (exit 5).
        var refused = await _cli.RunAsync("rm", merged, unmerged);
        Assert.Equal(5, refused.ExitCode);
        Assert.Contains("not merged", refused.Err);
        Assert.Equal(2, JsonDocument.Parse((await _cli.RunAsync("ls", "--json")).Out).RootElement.GetArrayLength());

        Assert.Equal(0, (await _cli.RunAsync("rm", merged)).ExitCode);
        Assert.Equal(0, (await _cli.RunAsync("rm", unmerged, "--discard-work")).ExitCode);
        Assert.Equal("* main\n", Git("branch", "--list"));
        Assert.Equal("", Git("status", "--porcelain"));
        Assert.Contains("no zwarm worktrees", (await _cli.RunAsync("worktrees")).Err);
    }
}
