// Tab's candidates, asked of the verbs' command tree: command names, options, and the values the verbs declare
// (session ids from the store, agents, models, sandbox modes, statuses, directories).
using Zwarm.Cli.Completion;
using Zwarm.Cli.Interactive;
using Zwarm.Cli.Tests.Support;
using Zwarm.Core.Sessions;

namespace Zwarm.Cli.Tests.Interactive;

public sealed class ReplCompleterTests : IDisposable
{
    private const string RunningId = "3f2a9c1e-0000-4000-8000-000000000001";
    private const string StoppedId = "3f2a77b0-0000-4000-8000-000000000002";
    private const string TwinA = "bbbbbbbb-1111-4000-8000-000000000003";
    private const string TwinB = "bbbbbbbb-2222-4000-8000-000000000004";

    private readonly CliRunner _cli = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("zwarm-complete-").FullName;
    private readonly ReplCompleter _completer;

    public ReplCompleterTests()
    {
        foreach (var d in new[] { "alpha", "alpine", "beta", ".hidden" })
        {
            Directory.CreateDirectory(Path.Combine(_dir, d));
        }
        var store = new SessionStore(_cli.StateDir);
        Write(store, StoppedId, SessionStatus.Completed, "2026-01-01T10:00:00.000000");
        Write(store, RunningId, SessionStatus.Running, "2026-01-01T11:00:00.000000");
        Write(store, TwinA, SessionStatus.Failed, "2026-01-01T09:00:00.000000");
        Write(store, TwinB, SessionStatus.Killed, "2026-01-01T08:00:00.000000");
        _completer = new ReplCompleter(new ReplHarness(_cli, workingDirectory: _dir).Commands.Root);
    }

    public void Dispose()
    {
        Directory.Delete(_dir, recursive: true);
        _cli.Dispose();
    }

    internal static void Write(SessionStore store, string id, SessionStatus status, string createdAt) => store.Create(new SessionMeta
    {
        Id = id,
        Task = "task " + id[..4],
        Status = status,
        WorkingDir = "/tmp",
        CreatedAt = createdAt,
        UpdatedAt = createdAt,
    });

    private IReadOnlyList<string> Candidates(string line) => _completer.Complete(line, line.Length).Candidates;

    [Fact]
    public void FirstWord_CompletesTheTreesCommandNamesAndAliases()
    {
        Assert.Equal(["spawn"], Candidates("sp"));
        Assert.Equal(["c", "clean", "clear", "compare", "config", "configs", "continue"], Candidates("c"));
        var all = Candidates("");
        Assert.Contains("?", all);
        Assert.Contains("watch", all);
        Assert.Contains("logs", all); // a verb the old REPL table never had
        Assert.DoesNotContain("!", all);
        Assert.DoesNotContain("pilot", all); // refused inside the REPL
        Assert.DoesNotContain(all, c => c.StartsWith('-'));
    }

    [Fact]
    public void SessionIds_AreOfferedInTheirShortForm_NewestFirst_WithLast()
    {
        Assert.Equal(["3f2a9c1e", "3f2a77b0"], Candidates("? 3f"));
        Assert.Equal(["3f2a9c1e", "3f2a77b0", "bbbbbbbb-1", "bbbbbbbb-2", "last"], Candidates("show "));
        Assert.Equal(["last"], Candidates("traj l"));
        Assert.Equal(["3f2a9c1e", "3f2a77b0"], Candidates("?3f"));
    }

    [Fact]
    public void SessionIds_PreferWhatTheVerbWants()
    {
        Assert.Equal(["3f2a9c1e", "last"], Candidates("kill "));
        Assert.Equal(["3f2a9c1e", "last"], Candidates("watch "));
        Assert.Equal(["3f2a77b0", "bbbbbbbb-1", "bbbbbbbb-2", "last"], Candidates("c "));
        // Nothing preferred matches: fall back to every matching id rather than nothing.
        Assert.Equal(["3f2a77b0"], Candidates("kill 3f2a7"));
        Assert.Equal(["3f2a9c1e", "3f2a77b0", "bbbbbbbb-1", "bbbbbbbb-2", "last"], Candidates("rm "));
    }

    [Fact]
    public void SessionIds_OnlyWhereTheVerbTakesThem()
    {
        Assert.Empty(Candidates("c 3f2a77b0 "));
        Assert.Equal(["3f2a9c1e"], Candidates("kill 3f2a77b0 3f2a9"));
        Assert.Equal(["3f2a9c1e", "last"], Candidates("kill --json ")); // a flag takes no value: the next word is an id
        Assert.Empty(Candidates("ls "));
    }

    [Fact]
    public void ShortForm_GrowsUntilUnique_AndKeepsWhatWasTyped()
    {
        string[] ids = [TwinA, TwinB, RunningId];

        Assert.Equal("bbbbbbbb-1", SessionIdCompletion.ShortForm(TwinA, ids, ""));
        Assert.Equal("3f2a9c1e", SessionIdCompletion.ShortForm(RunningId, ids, "3f"));
        Assert.Equal("3f2a9c1e-00", SessionIdCompletion.ShortForm(RunningId, ids, "3f2a9c1e-00"));
    }

    [Fact]
    public void Options_AndTheirValues_ComeFromTheVerbs()
    {
        Assert.Equal(["--model"], Candidates("spawn fix --mo"));
        Assert.Contains("--follow", Candidates("logs last --"));
        Assert.Contains("--state-dir", Candidates("ls --"));
        Assert.Equal(["claude", "claude_code"], Candidates("spawn fix --adapter cl"));
        var models = Candidates("spawn fix -m gpt-5.5");
        Assert.Contains("gpt-5.5", models);
        Assert.All(models, m => Assert.StartsWith("gpt-5.5", m));
        Assert.Equal(["read-only"], Candidates("spawn fix --sandbox r"));
        Assert.Equal(["running"], Candidates("ls --status ru"));
        Assert.Equal(["spawn"], Candidates("help sp"));
        Assert.Equal(["list", "show"], Candidates("configs "));
    }

    [Fact]
    public void AValueAfterEquals_ReplacesOnlyTheValue()
    {
        var result = _completer.Complete("ls --status=ru", 14);

        Assert.Equal(["running"], result.Candidates);
        Assert.Equal(12, result.Start);
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
        var result = _completer.Complete("? 3f2a9 --json", 5);

        Assert.Equal((2, 7), (result.Start, result.End));
        Assert.Equal("3f2", result.Typed);
        Assert.Equal(["3f2a9c1e", "3f2a77b0"], result.Candidates);
    }

    [Fact]
    public void ShellLinesAndUnknownCommands_OfferNothing()
    {
        Assert.Empty(Candidates("!ls "));
        Assert.Empty(Candidates("frobnicate "));
    }
}
