using System.Text.Json;
using Zwarm.Cli.Tests.Support;
using Zwarm.Core.Workspaces;

namespace Zwarm.Cli.Tests.Commands;

/// <summary>Best of N through the command line: spawn --attempts / -a list, ls --group, compare, rm --group --except.</summary>
public sealed class BestOfNCommandsTests : IDisposable
{
    private readonly CliRunner _cli = new();
    private readonly GitRunner _git;

    public BestOfNCommandsTests()
    {
        var home = Path.Combine(_cli.WorkDir, "..", "home");
        Directory.CreateDirectory(home);
        File.WriteAllText(Path.Combine(home, "gitconfig"), "[init]\n\tdefaultBranch = main\n");
        _cli.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        _cli.Environment["GIT_CONFIG_GLOBAL"] = Path.Combine(home, "gitconfig");
        _cli.Environment["XDG_DATA_HOME"] = Path.GetFullPath(Path.Combine(_cli.WorkDir, "..", "data"));
        _git = new GitRunner(_cli.Environment);
        Git("init", "-q");
        File.WriteAllText(Path.Combine(_cli.WorkDir, ".gitignore"), ".zwarm/\n");
        File.WriteAllText(Path.Combine(_cli.WorkDir, "notes.txt"), "base\n");
        Git("add", "-A");
        Git("commit", "-q", "-m", "initial");
    }

    public void Dispose() => _cli.Dispose();

    private string Git(params string[] arguments)
    {
        var result = _git.RunAsync(_cli.WorkDir, arguments, new GitCall(AsZwarm: true), CancellationToken.None).GetAwaiter().GetResult();
        Assert.True(result.Succeeded, result.Error);
        return result.Output;
    }

    private async Task<(string Group, List<string> Ids)> SpawnGroupAsync(params string[] arguments)
    {
        var result = await _cli.RunAsync(["spawn", .. arguments, "--json"]);
        Assert.True(result.ExitCode == 0, result.Err);
        var root = JsonDocument.Parse(result.Out).RootElement;
        var ids = root.GetProperty("sessions").EnumerateArray().Select(s => s.GetProperty("id").GetString()!).ToList();
        var wait = await _cli.RunAsync(["wait", .. ids, "--timeout", "60s"]);
        Assert.True(wait.ExitCode == 0, wait.Err);
        return (root.GetProperty("group").GetString()!, ids);
    }

    [Fact(Timeout = 180_000)]
    public async Task Attempts_AreIsolatedAndGrouped_Compare_ThenRmExceptKeepsTheChosenOne()
    {
        var (group, ids) = await SpawnGroupAsync("@put=answer.txt=chosen", "--attempts", "3");
        Assert.Equal(3, ids.Distinct().Count());

        // Each attempt is an isolated session of the group, on its own branch; the user's tree is untouched.
        var listed = JsonDocument.Parse((await _cli.RunAsync("ls", "--group", group, "--json")).Out).RootElement.EnumerateArray().ToList();
        Assert.Equal(ids.Order(), listed.Select(s => s.GetProperty("id").GetString()!).Order());
        Assert.All(listed, s => Assert.Equal(group, s.GetProperty("group").GetString()));
        Assert.Equal(3, listed.Select(s => s.GetProperty("branch").GetString()).Distinct().Count());
        Assert.False(File.Exists(Path.Combine(_cli.WorkDir, "answer.txt")));
        var lone = await _cli.RunAsync("spawn", "@put=other.txt=x", "--worktree", "--wait", "--timeout", "60s");
        Assert.Equal(3, JsonDocument.Parse((await _cli.RunAsync("ls", "--group", group, "--json")).Out).RootElement.GetArrayLength());

        var compare = JsonDocument.Parse((await _cli.RunAsync("compare", group, "--json")).Out).RootElement;
        Assert.Equal(group, compare.GetProperty("group").GetString());
        var attempts = compare.GetProperty("attempts").EnumerateArray().ToList();
        Assert.Equal(ids, attempts.Select(a => a.GetProperty("id").GetString()!)); // in the order started
        Assert.All(attempts, a =>
        {
            Assert.Equal("completed", a.GetProperty("status").GetString());
            Assert.Equal(1, a.GetProperty("lines_added").GetInt32());
            Assert.Equal(1, a.GetProperty("files_changed").GetInt32());
        });
        var table = await _cli.RunAsync("compare", group);
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("FILES", table.Out);
        Assert.Contains(ids[1][..8], table.Out);
        Assert.Contains("+1", table.Out);

        // Keep the second: the others go with their unmerged work (no --discard-work needed), the kept one stays.
        var rm = await _cli.RunAsync("rm", "--group", group, "--except", ids[1][..8]);
        Assert.True(rm.ExitCode == 0, rm.Err);
        var left = JsonDocument.Parse((await _cli.RunAsync("ls", "--group", group, "--json")).Out).RootElement.EnumerateArray().ToList();
        Assert.Equal(ids[1], Assert.Single(left).GetProperty("id").GetString());
        var branches = Git("branch", "--list", "zwarm/*");
        Assert.Contains($"zwarm/{ids[1][..8]}", branches);
        Assert.DoesNotContain($"zwarm/{ids[0][..8]}", branches);
        Assert.DoesNotContain($"zwarm/{ids[2][..8]}", branches);
        Assert.Equal(0, (await _cli.RunAsync("merge", ids[1])).ExitCode);
        Assert.Equal("chosen", File.ReadAllText(Path.Combine(_cli.WorkDir, "answer.txt")).TrimEnd('\n'));
        Assert.Equal(0, lone.ExitCode);
    }

    [Fact(Timeout = 120_000)]
    public async Task AdapterCounts_StartOneAttemptPerCount()
    {
        var (group, ids) = await SpawnGroupAsync("@put=a.txt=x", "-a", "codex:2,claude");
        var compare = JsonDocument.Parse((await _cli.RunAsync("compare", group, "--json")).Out).RootElement;
        Assert.Equal(["codex", "codex", "claude_code"], compare.GetProperty("attempts").EnumerateArray().Select(a => a.GetProperty("adapter").GetString()));
        Assert.Equal(3, ids.Count);
    }

    [Fact(Timeout = 60_000)]
    public async Task BadRequests_AreOneLineUsageErrors_AndStartNothing()
    {
        foreach (var arguments in new[]
        {
            new[] { "spawn", "task", "-a", "codex:0" },
            ["spawn", "task", "-a", "codex,nope"],
            ["spawn", "task", "--attempts", "2", "--no-worktree"],
            ["spawn", "task", "--attempts", "2", "--branch", "mine"],
            ["spawn", "task", "--attempts", "17"],
        })
        {
            var result = await _cli.RunAsync(arguments);
            Assert.True(result.ExitCode == 2, $"{string.Join(' ', arguments)}: {result.ExitCode} {result.Err}");
            Assert.StartsWith("zwarm: ", result.Err);
        }
        Assert.Equal(0, JsonDocument.Parse((await _cli.RunAsync("ls", "--json")).Out).RootElement.GetArrayLength());
        Assert.Equal(2, (await _cli.RunAsync("rm", "--group", "gabc")).ExitCode);
        Assert.NotEqual(0, (await _cli.RunAsync("compare", "gnope")).ExitCode);
    }

    [Fact(Timeout = 120_000)]
    public async Task RmExcept_ASessionOutsideTheGroup_RemovesNothing()
    {
        var (group, ids) = await SpawnGroupAsync("@put=a.txt=x", "--attempts", "2");
        var other = await _cli.RunAsync("spawn", "@put=b.txt=y", "--worktree", "--json", "--wait", "--timeout", "60s");
        var otherId = JsonDocument.Parse(other.Out).RootElement.GetProperty("sessions")[0].GetProperty("id").GetString()!;
        var rm = await _cli.RunAsync("rm", "--group", group, "--except", otherId);
        Assert.Equal(2, rm.ExitCode);
        Assert.Contains("not in group", rm.Err);
        Assert.Equal(2, JsonDocument.Parse((await _cli.RunAsync("ls", "--group", group, "--json")).Out).RootElement.GetArrayLength());
        Assert.Equal(2, ids.Count);
    }
}
