// The Gemini parser on real Gemini CLI 0.61.0 output (shared/reference/samples, plus two captured here against a local
// server: a command exiting 3, and a shell call in the default approval mode where the shell tool is not offered).
using Zwarm.Core.Agents.Gemini;
using Zwarm.Core.Events;

namespace Zwarm.Core.Tests.Agents.Gemini;

public sealed class GeminiStreamParserSampleTests
{
    [Fact]
    public void FirstTurn_StartsTheConversation_RunsTheCommand_JoinsTheAnswer_AndReportsThisRunsUsage()
    {
        var parser = new GeminiStreamParser();

        var events = Samples.Parse("gemini_first_turn.jsonl", parser);

        Assert.Equal(0, parser.MalformedLines);
        Assert.Equal(
            [
                new ConversationStarted("e2250804-9af3-44fd-bc94-38c5fda9c017", "gemini-2.5-flash"),
                new CommandStarted("run_shell_command__call_fake_1_0", "echo hi > f.txt"),
                new CommandExecuted("run_shell_command__call_fake_1_0", "echo hi > f.txt", "", null),
                new AssistantMessage("Done: <untrusted_context>\nOutput: (empty)\nProcess Group PGID: 9652\n</untrusted_context>"),
                new UsageReported(new TokenUsage(InputTokens: 203, CachedInputTokens: 20, OutputTokens: 40), Cumulative: false),
                new TurnCompleted(null),
            ],
            events);
    }

    [Fact]
    public void FollowUp_KeepsTheSessionId_AndItsUsageIsItsOwn()
    {
        var events = Samples.Parse("gemini_followup.jsonl", new GeminiStreamParser());

        Assert.Equal(new ConversationStarted("e2250804-9af3-44fd-bc94-38c5fda9c017", "gemini-2.5-flash"), events[0]);
        Assert.Equal(new AssistantMessage("Hello from fake model (#1)"), Assert.Single(events.OfType<AssistantMessage>()));
        Assert.Equal(new TokenUsage(InputTokens: 101, CachedInputTokens: 10, OutputTokens: 20),
            Assert.Single(events.OfType<UsageReported>()).Usage);
        Assert.IsType<TurnCompleted>(events[^1]);
    }

    [Fact]
    public void Unauthorized_FailsWithTheApisMessage()
    {
        var events = Samples.Parse("gemini_401.jsonl", new GeminiStreamParser());

        var failed = Assert.IsType<TurnFailed>(events[^1]);
        Assert.Contains("API key not valid. Please pass a valid API key.", failed.Message);
        Assert.Contains("\"code\":401", failed.Message);
        Assert.Equal(TokenUsage.Zero, Assert.Single(events.OfType<UsageReported>()).Usage);
        Assert.Empty(events.OfType<AssistantMessage>());
    }

    [Fact]
    public void NonzeroExit_IsNotInTheStream_SoTheExitCodeIsUnknown_AndOutputHasBothStreams()
    {
        var events = Samples.Parse("gemini_exit3.jsonl", new GeminiStreamParser());

        var executed = Assert.Single(events.OfType<CommandExecuted>());
        Assert.Equal("echo out; echo err >&2; exit 3", executed.Command);
        Assert.Equal("out\nerr", executed.Output);
        Assert.Null(executed.ExitCode);
    }

    [Fact]
    public void ShellCallInReadOnlyMode_IsAFailedCallOfAToolNotOffered_NotAPermissionDenial()
    {
        var events = Samples.Parse("gemini_readonly_shell.jsonl", new GeminiStreamParser());

        var executed = Assert.Single(events.OfType<CommandExecuted>());
        Assert.StartsWith("Tool \"run_shell_command\" not found.", executed.Output);
        Assert.Null(executed.ExitCode);
        Assert.Empty(events.OfType<PermissionDenied>());
        Assert.IsType<TurnCompleted>(events[^1]);
    }

    [Fact]
    public void Digest_OfTheFirstTurn_HasTheResumeIdModelAndOneMessage()
    {
        var digest = new TurnDigestBuilder();
        digest.AddRange(Samples.Parse("gemini_first_turn.jsonl", new GeminiStreamParser()));

        var built = digest.Build();

        Assert.Equal("e2250804-9af3-44fd-bc94-38c5fda9c017", built.ResumeId);
        Assert.Equal("gemini-2.5-flash", built.Model);
        Assert.Single(built.Messages);
        Assert.True(built.Completed);
        Assert.False(built.UsageIsCumulative);
        Assert.Equal(1, built.Commands);
    }
}
