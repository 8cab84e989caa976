// `zwarm ls` in a real 80-column terminal (tmux) through the built executable: the window's width is read live,
// and every session is one line that fits.
using System.Text.Json;
using Zwarm.Cli.Tests.Support;

namespace Zwarm.Cli.Tests.Rendering;

public sealed class TerminalWidthTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Theory]
    [InlineData(80)]
    [InlineData(60)]
    public async Task Ls_InARealTerminal_OneLinePerSessionWithinTheWidth(int width)
    {
        var ids = new List<string>();
        foreach (var task in new[] { "refactor the session store so that every write goes through one atomic helper and add tests", "short one" })
        {
            var spawned = await _cli.RunAsync("spawn", "--json", task);
            ids.Add(JsonDocument.Parse(spawned.Out).RootElement.GetProperty("id").GetString()!);
        }
        Assert.Equal(0, (await _cli.RunAsync(["wait", .. ids, "--timeout", "60s"])).ExitCode);

        var env = new Dictionary<string, string?>(_cli.Environment) { ["TERM"] = "xterm-256color" };
        env.Remove("TMUX");
        using var tmux = await TmuxSession.StartAsync($"'{CliRunner.ZwarmExecutable}' ls; echo \"EXITED $?\"; sleep 60",
            _cli.WorkDir, env, width, height: 20);
        var screen = await tmux.WaitForTextAsync("EXITED 0");

        var lines = screen.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToList();
        var header = lines.FindIndex(l => l.StartsWith("ID", StringComparison.Ordinal));
        Assert.True(header >= 0, screen);
        Assert.Contains("TASK", lines[header]);
        Assert.StartsWith("EXITED", lines[header + 3]); // the header, one line per session, then the shell
        foreach (var id in ids)
        {
            Assert.Single(lines, l => l.StartsWith(id[..8] + "  completed", StringComparison.Ordinal));
        }
        Assert.Contains(lines, l => l.Contains("refactor the", StringComparison.Ordinal) && l.EndsWith('…'));
    }
}
