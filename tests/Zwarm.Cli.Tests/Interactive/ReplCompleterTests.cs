using Zwarm.Cli.Interactive;
using Zwarm.Core.Sessions;

namespace Zwarm.Cli.Tests.Interactive;

public sealed class ReplCompleterTests : IDisposable
{
    private const string RunningId = "3f2a9c1e-0000-4000-8000-000000000001";
    private const string StoppedId = "3f2a77b0-0000-4000-8000-000000000002";
    private const string TwinA = "bbbbbbbb-1111-4000-8000-000000000003";
    private const string TwinB = "bbbbbbbb-2222-4000-8000-000000000004";

    private readonly string _dir = Directory.CreateTempSubdirectory("zwarm-complete-").FullName;
    private readonly ReplCompleter _completer;

    public ReplCompleterTests()
    {
        foreach (var d in new[] { "alpha", "alpine", "beta", ".hidden" })
        {
            Directory.CreateDirectory(Path.Combine(_dir, d));
        }
        var commands = new ReplActions(new ReplContext(null!, null!, new NoKeyWatcher())).Commands;
        IReadOnlyList<SessionSummary> sessions =
        [
            new() { Id = StoppedId, Status = SessionStatus.Completed, CreatedAt = "2026-01-01T10:00:00" },
            new() { Id = RunningId, Status = SessionStatus.Running, CreatedAt = "2026-01-01T11:00:00" },
            new() { Id = TwinA, Status = SessionStatus.Failed, CreatedAt = "2026-01-01T09:00:00" },
            new() { Id = TwinB, Status = SessionStatus.Killed, CreatedAt = "2026-01-01T08:00:00" },
        ];
        _completer = new ReplCompleter(new CompletionSources(commands, () => sessions, ["codex", "claude_code", "claude"],
            ["gpt-5.5", "gpt-5.4-mini", "sonnet"], _dir, "/home/dev"));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private IReadOnlyList<string> Candidates(string line) => _completer.Complete(line, line.Length).Candidates;

    [Fact]
    public void FirstWord_CompletesCommandNamesAndAliases()
    {
        Assert.Equal(["spawn"], Candidates("sp"));
        Assert.Equal(["c", "clean", "clear", "continue"], Candidates("c"));
        Assert.Contains("?", Candidates(""));
        Assert.DoesNotContain("!", Candidates(""));
    }

    [Fact]
    public void SessionIds_AreOfferedInTheirShortForm_NewestFirst_WithLast()
    {
        Assert.Equal(["3f2a9c1e", "3f2a77b0"], Candidates("? 3f"));
        Assert.Equal(["3f2a9c1e", "3f2a77b0", "bbbbbbbb-1", "bbbbbbbb-2", "last"], Candidates("show "));
        Assert.Equal(["last"], Candidates("traj l"));
    }

    [Fact]
    public void SessionIds_PreferWhatTheCommandWants()
    {
        Assert.Equal(["3f2a9c1e", "last", "all"], Candidates("kill "));
        Assert.Equal(["3f2a77b0", "bbbbbbbb-1", "bbbbbbbb-2", "last"], Candidates("c "));
        // Nothing preferred matches: fall back to every matching id rather than nothing.
        Assert.Equal(["3f2a77b0"], Candidates("kill 3f2a7"));
        Assert.Equal(["3f2a9c1e", "3f2a77b0", "bbbbbbbb-1", "bbbbbbbb-2", "last", "all"], Candidates("rm "));
    }

    [Fact]
    public void SessionIds_OnlyWhereTheCommandTakesThem()
    {
        Assert.Empty(Candidates("c 3f2a77b0 "));
        Assert.Equal(["3f2a9c1e"], Candidates("kill 3f2a77b0 3f2a9"));
        Assert.Empty(Candidates("ls "));
    }

    [Fact]
    public void ShortForm_GrowsUntilUnique_AndKeepsWhatWasTyped()
    {
        string[] ids = [TwinA, TwinB, RunningId];

        Assert.Equal("bbbbbbbb-1", ReplCompleter.ShortForm(TwinA, ids, ""));
        Assert.Equal("3f2a9c1e", ReplCompleter.ShortForm(RunningId, ids, "3f"));
        Assert.Equal("3f2a9c1e-00", ReplCompleter.ShortForm(RunningId, ids, "3f2a9c1e-00"));
    }

    [Fact]
    public void Options_AndTheirValues()
    {
        Assert.Equal(["--model"], Candidates("spawn fix --mo"));
        Assert.Equal(["claude_code", "claude"], Candidates("spawn fix --adapter cl"));
        Assert.Equal(["gpt-5.5", "gpt-5.4-mini"], Candidates("spawn fix -m gpt"));
        Assert.Equal(["read-only"], Candidates("spawn fix --sandbox r"));
        Assert.Equal(["running"], Candidates("ls --status ru"));
        Assert.Equal(["spawn"], Candidates("help sp"));
    }

    [Fact]
    public void Directories_ComeWithASlashAndNoSpace_HiddenOnlyWhenAsked()
    {
        var result = _completer.Complete("spawn x --dir al", 16);

        Assert.Equal(["alpha/", "alpine/"], result.Candidates);
        Assert.False(result.AppendSpace);
        Assert.Equal([".hidden/"], Candidates("spawn x --dir ."));
        Assert.Equal(["alpha/", "alpine/", "beta/"], Candidates("spawn x -C "));
    }

    [Fact]
    public void TheWordUnderTheCursor_IsReplacedWhole()
    {
        var result = _completer.Complete("? 3f2a9 --x", 5);

        Assert.Equal((2, 7), (result.Start, result.End));
        Assert.Equal("3f2", result.Typed);
    }

    [Fact]
    public void ShellLinesAndUnknownCommands_OfferNothing()
    {
        Assert.Empty(Candidates("!ls "));
        Assert.Empty(Candidates("frobnicate "));
    }
}
