// The REPL driven through piped stdin, as a script would drive it, against the fake agent.
using System.Text.Json;
using Zwarm.Cli.Tests.Support;

namespace Zwarm.Cli.Tests.Interactive;

public sealed class InteractivePipedTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private Task<CliResult> ReplAsync(params string[] lines) =>
        _cli.RunWithInputAsync(string.Join('\n', lines) + "\n", "interactive");

    private async Task<JsonElement> SessionsAsync() =>
        JsonDocument.Parse((await _cli.RunAsync("ls", "--json")).Out).RootElement;

    [Fact]
    public async Task Script_SpawnLsPeekContinueShowTrajKillRm_AllThroughOneService()
    {
        var result = await ReplAsync(
            "spawn \"first task\" --wait",
            "ls",
            "? last",
            "c last \"second message\" --wait",
            "show last",
            "traj last",
            "spawn @sleep=30 long job",
            "ls --status running",
            "kill last",
            "rm last",
            "ls");

        Assert.True(result.ExitCode == 0, result.Err);
        Assert.DoesNotContain("zwarm: ", result.Err); // notes only (the verbs' "started ..." lines)
        var o = result.Out;
        Assert.Contains("fake reply #1 to: first task", o);
        Assert.Contains("fake reply #2 to: second message", o);
        Assert.Contains("you: second message", o);                // show
        Assert.Contains("T2 agent: fake reply #2 to: second message", o); // traj
        Assert.Contains("@sleep=30 long job", o);                  // ls --status running
        Assert.Matches(@"[0-9a-f]{8} killed stopped by SIGINT", o);
        Assert.Matches(@"removed [0-9a-f]{8} \(killed\)", o);

        var sessions = await SessionsAsync();
        var only = Assert.Single(sessions.EnumerateArray().ToList());
        Assert.Equal("first task", only.GetProperty("task").GetString());
        Assert.Equal(2, only.GetProperty("turns").GetInt32());
        Assert.Equal("completed", only.GetProperty("status").GetString());
    }

    [Fact]
    public async Task BadCommandsAndBadIds_AreOneLineEach_AndTheLoopGoesOn()
    {
        string[] bad =
        [
            "frobnicate",
            "spwan \"x\"",
            "? zzzz",
            "? 00000000",
            "peek",
            "spawn \"never closed",
            "spawn x --adapter aider",
            "spawn x --modle y",
            "kill",
            "rm --stopped 1234",
            "show last",
            "c 00000000 hello",
            "ls --status sleepy",
            "clean --older-than soon",
            "quit 300",
            "show ../../etc/passwd",
            "pilot",
            "interactive",
        ];
        var result = await ReplAsync([.. bad, "models gpt-5.5 --json"]); // --json: no footnote on stderr

        Assert.Equal(0, result.ExitCode);
        var errors = result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(bad.Length, errors.Length);
        Assert.All(errors, e => Assert.StartsWith("zwarm: ", e));
        Assert.DoesNotContain("   at ", result.Err);
        Assert.Contains("unknown command 'frobnicate'", errors[0]);
        Assert.Contains("did you mean 'spawn'?", errors[1]);
        Assert.Contains("not a session id", errors[2]);
        Assert.Contains("no session matches '00000000'", errors[3]);
        Assert.Contains("Required argument 'id' missing for command: 'peek'", errors[4]);
        Assert.Contains("unterminated \" quote", errors[5]);
        Assert.Contains("Unknown adapter 'aider'", errors[6]);
        Assert.Contains("unknown option '--modle'", errors[7]);
        Assert.Contains("give session ids, or --all", errors[8]);
        Assert.Contains("give session ids or --stopped, not both", errors[9]);
        Assert.Contains("no sessions yet", errors[10]);
        Assert.Contains("not an exit code", errors[14]);
        Assert.Contains("pilot does not run inside the REPL", errors[16]);
        Assert.Contains("interactive does not run inside the REPL", errors[17]);
        // The loop survived all of it: the last command ran.
        Assert.Contains("gpt-5.5", result.Out);
    }

    [Fact]
    public async Task AmbiguousPrefix_IsOneLineListingTheCandidates()
    {
        var ids = new List<string>();
        while (ids.GroupBy(x => x[0]).All(g => g.Count() < 2) && ids.Count < 40)
        {
            var spawn = await _cli.RunAsync("spawn", "@sleep=0 x", "--json");
            ids.Add(JsonDocument.Parse(spawn.Out).RootElement.GetProperty("id").GetString()!);
        }
        var pair = ids.GroupBy(x => x[0]).First(g => g.Count() >= 2).ToList();

        var result = await ReplAsync($"? {pair[0][0]}", "ls");

        Assert.Equal(0, result.ExitCode);
        var error = Assert.Single(result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("matches", error);
        Assert.Contains(pair[0], error);
        Assert.Contains(pair[1], error);
        Assert.Contains(pair[0][..8], result.Out); // ls still ran
    }

    [Fact]
    public async Task IdsByPrefix_FromTheVerbs_WorkInTheRepl()
    {
        var spawn = await _cli.RunAsync("spawn", "made by the verb", "--json");
        var id = JsonDocument.Parse(spawn.Out).RootElement.GetProperty("id").GetString()!;

        var result = await ReplAsync($"wait {id[..6]}", $"peek {id[..6]}", $"traj {id} --turn 1");

        Assert.True(result.ExitCode == 0, result.Err);
        Assert.Contains($"{id[..8]} completed", result.Out);
        Assert.Contains("task: made by the verb", result.Out);
        Assert.Contains("T1 turn completed", result.Out);
    }

    [Fact]
    public async Task Watch_FollowsTheTurnUntilItEnds()
    {
        var result = await ReplAsync("spawn @stream=5", "watch last");

        Assert.True(result.ExitCode == 0, result.Err);
        var streamed = Enumerable.Range(1, 5).Select(i => result.Out.IndexOf($"stream {i}", StringComparison.Ordinal)).ToList();
        Assert.All(streamed, i => Assert.True(i >= 0, result.Out));
        Assert.Equal(streamed.Order(), streamed);
        Assert.Contains("turn 1 ended: completed", result.Out);
    }

    [Fact]
    public async Task ShellCommands_PassOutputThrough_AndAFailureIsReportedNotFatal()
    {
        var result = await ReplAsync("!echo hi from sh", "!pwd", "!echo oops >&2; exit 3", "!cat", "! ", "ls");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("hi from sh", result.Out);
        Assert.Contains(_cli.WorkDir, result.Out);
        Assert.Contains("oops", result.Err);
        Assert.Contains("exited with code 3", result.Err);
        Assert.Contains("missing a command", result.Err);
        // `!cat` read nothing of the script: the `ls` after it still ran (its note goes to stderr, as the verb's does).
        Assert.Contains("no sessions", result.Err);
    }

    [Fact]
    public async Task ShellCommands_SeeExactlyTheReplsEnvironment_NotZwarmsOwnProcessEnvironment()
    {
        // Set in the test process after the REPL's environment was captured: inherited by zwarm, not in its context.
        System.Environment.SetEnvironmentVariable("ZWARM_TEST_ONLY_IN_PROCESS", "leaked");
        _cli.Environment["ZWARM_TEST_ONLY_IN_CONTEXT"] = "from-context";

        var result = await ReplAsync("!echo \"[$ZWARM_TEST_ONLY_IN_CONTEXT] [${ZWARM_TEST_ONLY_IN_PROCESS-unset}]\"");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("[from-context] [unset]", result.Out);
    }

    [Fact]
    public async Task Models_MatchesTheVerb()
    {
        var repl = await ReplAsync("models", "models sonnet");
        var verb = JsonDocument.Parse((await _cli.RunAsync("models", "--json")).Out).RootElement;

        Assert.Equal(0, repl.ExitCode);
        var models = verb.EnumerateArray().Select(m => m.GetProperty("model").GetString()!).ToList();
        Assert.Contains("gpt-5.5", models);
        Assert.All(models, m => Assert.Contains(m, repl.Out));
        var sonnet = verb.EnumerateArray().Single(m => m.GetProperty("aliases").EnumerateArray().Any(a => a.GetString() == "sonnet"));
        Assert.Contains(sonnet.GetProperty("model").GetString()!, repl.Out);
        Assert.Contains("USD per 1M tokens", repl.Out + repl.Err);
    }

    [Fact]
    public async Task ExitCodes_EndOfInputIsZero_QuitGivesItsCode_StopOnErrorGivesTheFailure()
    {
        Assert.Equal(0, (await ReplAsync("ls")).ExitCode);
        var quit = await ReplAsync("quit 5", "!echo never");
        Assert.Equal(5, quit.ExitCode);
        Assert.DoesNotContain("never", quit.Out);

        var strict = await _cli.RunWithInputAsync("? 00000000\n!echo never\n", "interactive", "--stop-on-error");
        Assert.Equal(3, strict.ExitCode);
        Assert.DoesNotContain("never", strict.Out);
    }

    [Fact]
    public async Task CommentsAndBlankLines_AreSkipped()
    {
        var result = await ReplAsync("# a script", "", "   ", "!echo ran");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Err);
        Assert.Equal("ran", result.Out.Trim());
    }

    [Fact]
    public async Task TheRealExecutable_ReadsAPipe_WithoutColours()
    {
        var result = await _cli.RunProcessWithInputAsync("spawn \"piped in\" --wait\nls\nquit 6\n", "interactive");

        Assert.Equal(6, result.ExitCode);
        Assert.Contains("fake reply #1 to: piped in", result.Out);
        Assert.DoesNotContain("\u001b[", result.Out);
        Assert.DoesNotContain("zwarm interactive", result.Out); // no banner for scripts
    }
}
