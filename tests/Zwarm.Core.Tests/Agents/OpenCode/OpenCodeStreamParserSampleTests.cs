// The opencode parser on real `opencode run --format json` output captured from opencode 1.18.33 (Samples/).
using Zwarm.Core.Agents.OpenCode;
using Zwarm.Core.Events;

namespace Zwarm.Core.Tests.Agents.OpenCode;

public sealed class OpenCodeStreamParserSampleTests
{
    private const string Session = "ses_db19d9b48ffev8LsUFbR3Frhfe";

    // input 92 excludes the 10 cached tokens: zwarm counts them in.
    private static readonly TokenUsage FirstStep = new(InputTokens: 102, CachedInputTokens: 10, OutputTokens: 20);
    private static readonly TokenUsage SecondStep = new(InputTokens: 103, CachedInputTokens: 10, OutputTokens: 20);

    [Fact]
    public void FirstTurn_YieldsTheSessionTheCommandPerStepUsageAndACompletion()
    {
        var parser = new OpenCodeStreamParser();

        var events = Samples.Parse("opencode_first_turn.jsonl", parser);

        Assert.Equal(
            [
                new ConversationStarted(Session),
                new CommandExecuted("call_fake_2_0", "echo hi > f.txt", "(no output)", 0),
                new UsageReported(FirstStep, Cumulative: false),
                new AssistantMessage("Done: (no output)"),
                new UsageReported(SecondStep, Cumulative: false),
                new TurnCompleted("Done: (no output)"),
            ],
            events);
        Assert.Equal(0, parser.MalformedLines);
    }

    [Fact]
    public void FirstTurn_Digest_SumsTheStepsAndSucceeds()
    {
        var digest = TurnDigest.From(Samples.Parse("opencode_first_turn.jsonl", new OpenCodeStreamParser()));

        Assert.True(digest.Succeeded);
        Assert.Equal(Session, digest.ResumeId);
        Assert.Equal(FirstStep + SecondStep, digest.Usage);
        Assert.False(digest.UsageIsCumulative);
        Assert.Equal(1, digest.Commands);
        // opencode prices a custom provider's model at 0: no figure, the price table applies.
        Assert.Null(digest.ReportedCostUsd);
    }

    [Fact]
    public void FollowUp_CarriesTheSameSessionId()
    {
        var digest = TurnDigest.From(Samples.Parse("opencode_followup.jsonl", new OpenCodeStreamParser()));

        Assert.Equal(Session, digest.ResumeId);
        Assert.Equal(["Hello from fake model (#1)"], digest.Messages);
        Assert.Equal(new TokenUsage(InputTokens: 101, CachedInputTokens: 10, OutputTokens: 20), digest.Usage);
        Assert.True(digest.Succeeded);
    }

    [Fact]
    public void Unauthorized_FailsTheTurnWithTheStatusAndTheServersMessage()
    {
        var events = Samples.Parse("opencode_401.jsonl", new OpenCodeStreamParser());

        Assert.Equal(
            [
                new ConversationStarted(Session),
                new ErrorReported("APIError 401: fake HTTP 401 error"),
                new TurnFailed("APIError 401: fake HTTP 401 error"),
            ],
            events);
    }
}
