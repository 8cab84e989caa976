// A second opinion: every N steps a cheap model reads the task and the recent trajectory and answers with a verdict
// in JSON. Its failures (endpoint down, unparsable answer) never stop the run: they become CONTINUE with a note.
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Zwarm.Orchestration.Watchers;

internal sealed class LlmWatcher(LlmWatcherSettings settings, IChatClient reviewer) : IWatcher
{
    internal const string ReviewerPrompt = """
        You review the work of an orchestrator: an AI that must not write code itself, but delegates sub-tasks to coding
        agent sessions, checks their results, sends corrections, and exits when the task is done.
        Read the task and the recent transcript. Judge whether the orchestrator is making progress toward the task.
        Answer with ONE JSON object and nothing else:
        {"action": "continue" | "nudge" | "pause" | "abort", "message": "one or two sentences of guidance or reason"}
        - continue: on track.
        - nudge: drifting (polling without purpose, doing work itself, vague sub-task specs, not verifying); give concrete guidance.
        - pause: a human must decide something (ambiguous requirements, risky or destructive actions).
        - abort: clearly harmful or hopeless (destroying work, leaking secrets, stuck in a loop for many steps).
        """;

    public string Name => "llm";

    public int Priority => settings.Priority;

    public async Task<WatcherVerdict> CheckAsync(WatcherContext context, CancellationToken cancellationToken)
    {
        var completed = context.Step - 1;
        if (settings.Every <= 0 || completed == 0 || completed % settings.Every != 0)
        {
            return WatcherVerdict.Continue(Name, Priority);
        }
        var recent = context.Messages.Skip(Math.Max(0, context.Messages.Count - settings.LastMessages))
            .Where(m => m.Role != ChatRole.System);
        var prompt = $"""
            TASK:
            {context.Task}

            STEP {completed} of at most {context.MaxRunSteps} in this run. Sessions: {context.Sessions.Count}.

            RECENT TRANSCRIPT:
            {TranscriptRenderer.Render(recent)}
            """;
        ChatResponse response;
        try
        {
            response = await reviewer.GetResponseAsync(
                [new ChatMessage(ChatRole.System, ReviewerPrompt), new ChatMessage(ChatRole.User, prompt)],
                new ChatOptions { Temperature = 0 }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new WatcherVerdict(Name, WatcherAction.Continue, $"review failed: {Llm.LlmErrors.Describe(e)}", Priority);
        }
        return Parse(response.Text) is { } verdict
            ? verdict with { Priority = Priority }
            : new WatcherVerdict(Name, WatcherAction.Continue, $"review unreadable: {StepContent.Shorten(response.Text, 200)}", Priority);
    }

    /// <summary>The verdict in the reviewer's answer (the first JSON object in it), or null.</summary>
    internal WatcherVerdict? Parse(string text)
    {
        var start = text.IndexOf('{');
        var end = text.LastIndexOf('}');
        if (start < 0 || end <= start)
        {
            return null;
        }
        try
        {
            using var doc = JsonDocument.Parse(text.AsMemory(start, end - start + 1));
            var root = doc.RootElement;
            if (!root.TryGetProperty("action", out var a) || a.ValueKind != JsonValueKind.String
                || !WatcherActions.TryParse(a.GetString(), out var action))
            {
                return null;
            }
            var message = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            return new WatcherVerdict(Name, action, string.IsNullOrWhiteSpace(message) ? null : message.Trim(), Priority);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
