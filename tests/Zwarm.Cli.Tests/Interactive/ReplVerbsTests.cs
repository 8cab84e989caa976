// The REPL and the verbs are one command model: every verb of the tree exists in the REPL with the same options,
// arguments, aliases and help; a line behaves exactly like the verb; the REPL's own global options apply to every
// line; `last` names the newest session in every face.
using System.CommandLine;
using System.Text.Json;
using System.Text.RegularExpressions;
using Zwarm.Cli.Infrastructure;
using Zwarm.Cli.Interactive;
using Zwarm.Cli.Tests.Support;
using Zwarm.Core.Sessions;

namespace Zwarm.Cli.Tests.Interactive;

public sealed partial class ReplVerbsTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private Task<CliResult> ReplAsync(params string[] lines) =>
        _cli.RunWithInputAsync(string.Join('\n', lines) + "\n", "interactive", "--stop-on-error");

    private static IReadOnlyList<Command> Verbs() =>
        [.. ZwarmCli.Build(new CommandActions(new Terminal(TextWriter.Null, TextWriter.Null, colors: false), new ContextFactory())).Subcommands];

    [Fact]
    public async Task EveryVerbOfTheTree_IsInTheRepl_WithTheSameOptionsArgumentsAliasesAndHelp()
    {
        var repl = new ReplHarness(_cli).Commands;
        var verbs = Verbs();
        Assert.True(verbs.Count >= 20, $"{verbs.Count} verbs");

        foreach (var verb in verbs)
        {
            var mine = repl.Find(verb.Name);
            Assert.True(mine is not null, $"{verb.Name} is missing from the REPL");
            AssertSameShape(verb, mine);
            if (ReplCommandLine.Refused.Contains(verb.Name))
            {
                var refused = await ReplAsync(verb.Name);
                Assert.Equal(ExitCodes.Usage, refused.ExitCode);
                Assert.Equal($"zwarm: {verb.Name} does not run inside the REPL; run it from a shell", refused.Err.Trim());
                continue;
            }
            if (verb.Hidden)
            {
                continue; // internal verbs (the supervisor's __finalize) have no help in either face
            }
            var help = await ReplAsync($"help {verb.Name}");
            var direct = await _cli.RunAsync(verb.Name, "--help");
            Assert.True(help.ExitCode == 0, $"help {verb.Name}: {help.Err}");
            Assert.Equal(Words(direct.Out), Words(help.Out));
        }
    }

    // Same names, aliases, options (with their aliases and arity), arguments and subcommands, all the way down.
    private static void AssertSameShape(Command expected, Command actual)
    {
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.Aliases.Order(), actual.Aliases.Order());
        Assert.Equal(expected.Options.Select(Describe).Order(), actual.Options.Select(Describe).Order());
        Assert.Equal(expected.Arguments.Select(a => $"{a.Name} {a.Arity.MinimumNumberOfValues}-{a.Arity.MaximumNumberOfValues}"),
            actual.Arguments.Select(a => $"{a.Name} {a.Arity.MinimumNumberOfValues}-{a.Arity.MaximumNumberOfValues}"));
        Assert.Equal(expected.Subcommands.Count, actual.Subcommands.Count);
        foreach (var (e, a) in expected.Subcommands.Zip(actual.Subcommands))
        {
            AssertSameShape(e, a);
        }

        static string Describe(Option o) =>
            $"{string.Join('|', o.Aliases.Order().Prepend(o.Name))} {o.Arity.MinimumNumberOfValues}-{o.Arity.MaximumNumberOfValues}";
    }

    // Help text without its layout (the REPL fits it to its width, the verb to the console's).
    private static string Words(string text) => WhiteSpace().Replace(text, " ").Trim();

    [Fact]
    public async Task Rm_OfAStoppedAndARunningSession_BehavesExactlyLikeTheVerb()
    {
        var verb = await RemoveBothAsync(ids => _cli.RunAsync(["rm", .. ids]));
        var repl = await RemoveBothAsync(ids => ReplAsync($"rm {ids[0]} {ids[1]}"));

        Assert.Equal(verb, repl);
        Assert.NotEqual(0, verb.Code); // the running one is refused
    }

    // Starts a finished and a running session, removes both (the same command line), and reports what happened with
    // the ids replaced by A and B; then clears the store for the next round.
    private async Task<(int Code, string Out, string Err, bool StoppedLeft, bool RunningLeft)> RemoveBothAsync(
        Func<string[], Task<CliResult>> rm)
    {
        var done = await SpawnAsync("@sleep=0 finished", "--wait");
        var running = await SpawnAsync("@sleep=30 still going");
        var result = await rm([done, running]);
        string Named(string text) => text.Replace(done, "A").Replace(done[..8], "A").Replace(running, "B").Replace(running[..8], "B");
        var outcome = (result.ExitCode, Named(result.Out), Named(result.Err), Exists(done), Exists(running));
        await _cli.RunAsync("kill", "--all");
        await _cli.RunAsync("rm", "--stopped");
        return outcome;
    }

    private async Task<string> SpawnAsync(params string[] args)
    {
        var spawn = await _cli.RunAsync(["spawn", .. args, "--json"]);
        var root = JsonDocument.Parse(spawn.Out).RootElement;
        return (root.TryGetProperty("sessions", out var sessions) ? sessions[0] : root).GetProperty("id").GetString()!;
    }

    private bool Exists(string id) => Directory.Exists(Path.Combine(_cli.StateDir, "sessions", id));

    [Fact]
    public async Task Last_IsTheNewestSessionByCreatedAt_InTheVerbsAndTheRepl()
    {
        var none = await _cli.RunAsync("peek", "last");
        Assert.Equal(ExitCodes.NotFound, none.ExitCode);
        Assert.Contains("no sessions yet", none.Err);

        const string Newest = "aaaaaaaa-0000-4000-8000-000000000001";
        const string Older = "ffffffff-0000-4000-8000-000000000002"; // sorts last by id, but was created first
        var store = new SessionStore(_cli.StateDir);
        ReplCompleterTests.Write(store, Older, SessionStatus.Completed, "2026-01-01T11:00:00.000000");
        ReplCompleterTests.Write(store, Newest, SessionStatus.Completed, "2026-01-01T12:00:00.000000");

        var verb = await _cli.RunAsync("rm", "last", "--json");
        var repl = await ReplAsync("rm LAST --json");

        Assert.True(verb.ExitCode == 0, verb.Err);
        Assert.Equal(Newest, JsonDocument.Parse(verb.Out).RootElement[0].GetProperty("id").GetString());
        Assert.True(repl.ExitCode == 0, repl.Err);
        Assert.Equal(Older, JsonDocument.Parse(repl.Out).RootElement[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task TheReplsGlobalOptions_ApplyToEveryLine()
    {
        var other = Path.Combine(_cli.WorkDir, "elsewhere");
        Directory.CreateDirectory(other);
        File.Copy(Path.Combine(_cli.StateDir, "config.toml"), Path.Combine(other, "config.toml"));

        var result = await _cli.RunWithInputAsync("spawn \"in the other store\" --wait\nconfigs list\n",
            "--state-dir", other, "--set", "executor.model=gpt-5.5", "interactive");

        Assert.True(result.ExitCode == 0, result.Err);
        Assert.Contains("--set executor.model=gpt-5.5", result.Out);
        var there = JsonDocument.Parse((await _cli.RunAsync("ls", "--json", "--state-dir", other)).Out).RootElement;
        var session = Assert.Single(there.EnumerateArray().ToList());
        Assert.Equal("gpt-5.5", session.GetProperty("model").GetString());
        Assert.Empty(JsonDocument.Parse((await _cli.RunAsync("ls", "--json")).Out).RootElement.EnumerateArray());
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
