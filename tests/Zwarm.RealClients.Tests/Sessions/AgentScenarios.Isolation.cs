// Isolation with the real CLI: the scripted model's shell command writes a file in the session's own worktree,
// not the user's tree; the turn's checkpoint commit holds it; `zwarm diff` shows it; `zwarm merge` brings it home.
using System.Text.Json;
using Zwarm.Core.Workspaces;
using Zwarm.RealClients.Tests.Support;

namespace Zwarm.RealClients.Tests.Sessions;

public abstract partial class AgentScenarios
{
    [Fact]
    public async Task Isolated_session_writes_in_its_worktree_checkpoints_the_turn_and_merges_into_a_clean_tree()
    {
        await using var world = await StartWorldAsync(WriteFileScript());
        var git = new GitRunner(world.Environment.ToDictionary(e => e.Key, e => (string?)e.Value));
        async Task<string> Git(params string[] arguments)
        {
            var result = await git.RunAsync(world.WorkDir, arguments, new GitCall(AsZwarm: true), Timeout);
            Assert.True(result.Succeeded, $"git {string.Join(' ', arguments)}: {result.Error}");
            return result.Output;
        }
        await Git("init", "-q", "-b", "main");
        File.WriteAllText(Path.Combine(world.WorkDir, "README.md"), "project\n");
        await Git("add", "-A");
        await Git("commit", "-q", "-m", "initial");
        var worktrees = Path.Combine(world.Root, "worktrees");
        File.AppendAllText(Path.Combine(world.StateDir, "config.toml"), $"\n[worktree]\nroot = \"{worktrees}\"\n");

        var id = await world.SpawnAsync(Agent, "Create greeting.txt with a greeting", "--worktree");
        await world.WaitCompletedAsync(id);

        // The file is in the session's worktree, not in the user's tree.
        var workspace = world.ReadMeta(id).GetProperty("workspace");
        var worktree = workspace.GetProperty("worktree").GetString()!;
        Assert.StartsWith(worktrees, worktree);
        Assert.Equal("hello-from-e2e\n", File.ReadAllText(Path.Combine(worktree, "greeting.txt")));
        Assert.False(File.Exists(Path.Combine(world.WorkDir, "greeting.txt")));
        Assert.Equal("", await Git("status", "--porcelain"));

        // The turn's checkpoint commit exists on the session branch and holds the file.
        var checkpoint = Assert.Single(workspace.GetProperty("turn_commits").EnumerateArray());
        var commit = checkpoint.GetProperty("commit").GetString()!;
        Assert.Contains("greeting.txt", (await Git("show", "--name-only", "--format=", commit)).Split('\n'));
        Assert.Equal(commit, (await Git("rev-parse", workspace.GetProperty("branch").GetString()!)).Trim());
        Assert.StartsWith("zwarm: turn 1: Create greeting.txt", (await Git("log", "-1", "--format=%s", commit)).Trim());

        // zwarm diff shows it; zwarm merge brings it into the user's tree and leaves git status clean.
        var names = await world.RunAsync("diff", id, "--name-only");
        Assert.Contains("greeting.txt", names.Out.Split('\n'));
        Assert.Contains("+hello-from-e2e", (await world.RunAsync("diff", id)).Out);
        var merge = await world.RunAsync("merge", id);
        Assert.True(merge.ExitCode == 0, merge.Describe());
        Assert.Equal("hello-from-e2e\n", File.ReadAllText(Path.Combine(world.WorkDir, "greeting.txt")));
        Assert.Equal("", await Git("status", "--porcelain"));
        Assert.Equal(JsonValueKind.Array, world.ReadMeta(id).GetProperty("workspace").GetProperty("merges").ValueKind);
    }
}
