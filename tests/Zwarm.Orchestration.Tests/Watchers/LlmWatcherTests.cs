// The llm watcher against a scripted reviewer model: it reviews only every N steps, turns the reviewer's JSON into a
// verdict, and never stops the run because the reviewer failed.
using Zwarm.Orchestration.Llm;
using Zwarm.Orchestration.Tests.Support;
using Zwarm.Orchestration.Watchers;
using Zwarm.ScriptedModels;
using Zwarm.ScriptedModels.Scripting;
using static Zwarm.Orchestration.Tests.Support.Contexts;

namespace Zwarm.Orchestration.Tests.Watchers;

public sealed class LlmWatcherTests
{
    private readonly CancellationToken _ct = TestTimeout.After(60);

    private static async Task<(LlmWatcher, ScriptedModelServer)> StartAsync(ScriptedReply reply, CancellationToken ct)
    {
        var server = await ScriptedModelServer.StartAsync(ModelScript.Always(reply), ct);
        var llm = new LlmSettings { Model = "gpt-5.4-mini", BaseUrl = server.OpenAIBaseUrl, MaxRetries = 0, Stream = false };
        var client = new ChatClientFactory(new Dictionary<string, string?> { ["OPENAI_API_KEY"] = "k" }).Create(llm);
        return (new LlmWatcher(new LlmWatcherSettings { Enabled = true, Every = 2, Llm = llm }, client), server);
    }

    private static Zwarm.Orchestration.Watchers.WatcherContext AfterSteps(int n) =>
        With(Enumerable.Range(1, n).Select(i => Step(i, Call("list_sessions")))) with
        {
            Messages = [new(Microsoft.Extensions.AI.ChatRole.User, "the task"), new(Microsoft.Extensions.AI.ChatRole.Assistant, "I will poll.")],
        };

    [Fact]
    public async Task The_reviewers_verdict_becomes_the_watchers()
    {
        var (watcher, server) = await StartAsync(Reply.Text("""Here: {"action":"nudge","message":"Stop polling; delegate the tests."}"""), _ct);
        await using var _ = server;

        var verdict = await watcher.CheckAsync(AfterSteps(2), _ct);

        Assert.Equal(WatcherAction.Nudge, verdict.Action);
        Assert.Equal("Stop polling; delegate the tests.", verdict.Message);
        var request = Assert.Single(server.ModelCalls);
        Assert.Equal("gpt-5.4-mini", request.Model);
        Assert.Contains("the task", request.LastUserText);
        Assert.Contains("I will poll.", request.LastUserText);
    }

    [Fact]
    public async Task Between_reviews_it_does_not_call_the_model()
    {
        var (watcher, server) = await StartAsync(Reply.Text("""{"action":"abort","message":"x"}"""), _ct);
        await using var _ = server;

        Assert.Equal(WatcherAction.Continue, (await watcher.CheckAsync(AfterSteps(3), _ct)).Action);
        Assert.Equal(WatcherAction.Continue, (await watcher.CheckAsync(AfterSteps(0), _ct)).Action);
        Assert.Empty(server.ModelCalls);
    }

    [Fact]
    public async Task A_continue_verdict_continues()
    {
        var (watcher, server) = await StartAsync(Reply.Text("""{"action":"continue","message":"on track"}"""), _ct);
        await using var _ = server;

        Assert.Equal(WatcherAction.Continue, (await watcher.CheckAsync(AfterSteps(4), _ct)).Action);
    }

    [Fact]
    public async Task An_unreadable_answer_or_a_failing_reviewer_continues_with_a_note()
    {
        var (garbled, server1) = await StartAsync(Reply.Text("I think it is fine."), _ct);
        await using var _1 = server1;
        var (failing, server2) = await StartAsync(Reply.ServerError("reviewer down"), _ct);
        await using var _2 = server2;

        var unreadable = await garbled.CheckAsync(AfterSteps(2), _ct);
        var failed = await failing.CheckAsync(AfterSteps(2), _ct);

        Assert.Equal(WatcherAction.Continue, unreadable.Action);
        Assert.Contains("unreadable", unreadable.Message);
        Assert.Equal(WatcherAction.Continue, failed.Action);
        Assert.Contains("review failed", failed.Message);
        Assert.Contains("500", failed.Message);
    }
}
