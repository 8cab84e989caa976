using System.Text.Json;
using Zwarm.Cli.Commands;
using Zwarm.Cli.Infrastructure;
using Zwarm.Cli.Tests.Support;

namespace Zwarm.Cli.Tests.Commands;

public sealed class FinalizeCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact(Timeout = 120_000)]
    public async Task ATurnIsRecordedCompletedInMetaJson_WithNoZwarmProcessReadingIt()
    {
        var spawn = await _cli.RunProcessAsync("spawn", "finish on your own");
        Assert.Equal(0, spawn.ExitCode);
        var id = spawn.Out.Trim();
        var metaPath = Path.Combine(_cli.StateDir, "sessions", id, "meta.json");

        // The spawning zwarm has exited and the test reads the file itself: only the supervisor's `zwarm __finalize`
        // can turn `running` into `completed` here.
        JsonElement meta = default;
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            meta = JsonDocument.Parse(await File.ReadAllBytesAsync(metaPath, deadline.Token)).RootElement.Clone();
            if (meta.GetProperty("status").GetString() != "running")
            {
                break;
            }
            await Task.Delay(50, deadline.Token);
        }

        Assert.Equal("completed", meta.GetProperty("status").GetString());
        Assert.Equal(0, meta.GetProperty("exit_code").GetInt32());
        Assert.Equal("completed", meta.GetProperty("turns")[0].GetProperty("status").GetString());
        Assert.Contains("fake reply #1 to: finish on your own", meta.GetProperty("messages")[1].GetProperty("content").GetString());
        Assert.Equal("", (await File.ReadAllTextAsync(Path.Combine(_cli.StateDir, "sessions", id, "turns", "turn_1.stderr"))).Trim());
    }

    [Theory]
    [InlineData("/opt/zwarm/zwarm", "/opt/zwarm/zwarm")]
    [InlineData("/opt/zwarm/zwarm-llm", "/opt/zwarm/zwarm-llm")]
    [InlineData("/usr/share/dotnet/dotnet", null)] // `dotnet zwarm.dll`: not an executable the supervisor can run as zwarm
    [InlineData("/repo/bin/testhost", null)]
    [InlineData("zwarm", null)]
    [InlineData("/nowhere/zwarm-mcp", null)] // zwarm-mcp has no __finalize and no zwarm beside it here
    [InlineData(null, null)]
    public void ExecutablePath_IsThisProcess_OnlyWhenItIsZwarm(string? processPath, string? expected) =>
        Assert.Equal(expected, FinalizerPath.For(processPath));

    [Fact]
    public void Zwarm_mcp_hands_the_finalizer_to_the_zwarm_beside_it()
    {
        var directory = Directory.CreateTempSubdirectory("zwarm-install-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(directory, "zwarm"), "");
            Assert.Equal(Path.Combine(directory, "zwarm"), FinalizerPath.For(Path.Combine(directory, "zwarm-mcp")));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
