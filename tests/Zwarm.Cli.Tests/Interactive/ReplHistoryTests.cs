using Zwarm.Cli.Interactive;

namespace Zwarm.Cli.Tests.Interactive;

public sealed class ReplHistoryTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("zwarm-history-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Add_KeepsCommands_LikeAShell()
    {
        var path = Path.Combine(_dir, "history");
        var history = new ReplHistory(path);

        Assert.True(history.Add("ls"));
        Assert.False(history.Add("ls"));
        Assert.False(history.Add("   "));
        Assert.False(history.Add(" spawn \"secret\""));
        Assert.True(history.Add("? 3f2a"));
        Assert.True(history.Add("ls"));

        Assert.Equal(["ls", "? 3f2a", "ls"], history.Entries);
        Assert.Equal(["ls", "? 3f2a", "ls"], File.ReadAllLines(path));
        Assert.Equal(["ls", "? 3f2a", "ls"], new ReplHistory(path).Load());
    }

    [Fact]
    public void Load_KeepsTheNewestCapacityEntries()
    {
        var path = Path.Combine(_dir, "history");
        File.WriteAllLines(path, Enumerable.Range(1, ReplHistory.Capacity + 50).Select(i => $"peek {i}"));

        var entries = new ReplHistory(path).Load();

        Assert.Equal(ReplHistory.Capacity, entries.Count);
        Assert.Equal("peek 51", entries[0]);
        Assert.Equal($"peek {ReplHistory.Capacity + 50}", entries[^1]);
    }

    [Fact]
    public void NoFolder_NoFile_ButTheSessionStillRemembers()
    {
        var path = Path.Combine(_dir, "not-created", "history");
        var history = new ReplHistory(path);

        history.Add("ls");

        Assert.Equal(["ls"], history.Entries);
        Assert.False(Directory.Exists(Path.GetDirectoryName(path)));
    }

    [Fact]
    public void AnUnwritableFile_IsOneWarning_NotAFailure()
    {
        var path = Path.Combine(_dir, "history");
        Directory.CreateDirectory(path); // a folder where the file should be
        var warnings = new List<string>();
        var history = new ReplHistory(path, warnings.Add);

        history.Add("ls");
        history.Add("ls -x");

        Assert.Single(warnings);
        Assert.Contains("cannot save history", warnings[0]);
    }
}
