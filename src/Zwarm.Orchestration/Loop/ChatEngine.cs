// The reusable LLM engine shared by `orchestrate` and `pilot`: drives an IChatClient one step at a time (one model
// call, then every tool call of the reply through the one tool surface), never handing the loop to automatic
// function invocation, so its callers can run watchers, inject messages, compact and save between steps.
using System.Diagnostics;
using Microsoft.Extensions.AI;
using Zwarm.Core;
using Zwarm.Core.Events;
using Zwarm.Orchestration.Instances;
using Zwarm.Orchestration.Llm;
using Zwarm.Orchestration.Telemetry;
using Zwarm.Orchestration.Tools;

namespace Zwarm.Orchestration.Loop;

public sealed class ChatEngine(IChatClient client, SessionTools tools, ChatEngineOptions? options = null)
{
    /// <summary>Result given to a call that never ran or was cut short because the run was interrupted.</summary>
    internal const string InterruptedResult = """{"error":"interrupted: the run was stopped before this call finished"}""";

    public IChatClient Client { get; } = client;

    public SessionTools Tools { get; } = tools;

    public ChatEngineOptions Options { get; } = options ?? new ChatEngineOptions();

    /// <summary>The chat options every call uses: the tools, tool choice auto, reasoning effort, output limit.</summary>
    public ChatOptions CreateChatOptions()
    {
        var chat = new ChatOptions
        {
            Tools = [.. Tools.Declarations],
            ToolMode = ChatToolMode.Auto,
            MaxOutputTokens = Options.MaxOutputTokens,
        };
        if (Options.ReasoningEffort is { } effort)
        {
            chat.Reasoning = new ReasoningOptions { Effort = effort };
        }
        return chat;
    }

    /// <summary>
    /// One step: sends <paramref name="conversation"/> (plus <paramref name="transient"/> messages that are shown to
    /// the model this once and not kept), runs the tool calls of the reply, and appends the reply and the results to
    /// <paramref name="conversation"/>. Cancellation during the model call throws and leaves the conversation
    /// unchanged; during tool calls it finishes the step with "interrupted" results (see <see cref="EngineStep.Interrupted"/>).
    /// A failing endpoint throws a <see cref="ZwarmException"/> of kind External with a one-line message.
    /// </summary>
    public async Task<EngineStep> StepAsync(IList<ChatMessage> conversation, IReadOnlyList<ChatMessage>? transient,
        Action<EngineEvent>? observer, CancellationToken cancellationToken)
    {
        List<ChatMessage> request = [.. conversation, .. transient ?? []];
        observer?.Invoke(new ModelCallStarted(request.Count));
        var started = Stopwatch.GetTimestamp();
        var response = await CallModelAsync(request, observer, cancellationToken).ConfigureAwait(false);
        var modelDuration = Stopwatch.GetElapsedTime(started);
        observer?.Invoke(new ModelCallCompleted(response, modelDuration));

        var added = new List<ChatMessage>(response.Messages.Where(m => m.Contents.Count > 0));
        foreach (var message in added)
        {
            conversation.Add(message);
        }

        var calls = added.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Where(c => !c.InformationalOnly).ToList();
        if (calls.Count == 0)
        {
            return new EngineStep(response, [], modelDuration, added);
        }

        var executed = new Dictionary<string, ExecutedToolCall>(StringComparer.Ordinal);
        var interrupted = false;
        // exit runs last, so work requested in the same reply is done before the run ends.
        foreach (var call in calls.OrderBy(c => c.Name == ToolNames.Exit ? 1 : 0))
        {
            var arguments = MessageCodec.ArgumentsJson(call.Arguments);
            observer?.Invoke(new ToolCallStarted(call.CallId, call.Name, arguments));
            var callStarted = Stopwatch.GetTimestamp();
            ToolOutcome outcome;
            if (interrupted)
            {
                outcome = new ToolOutcome(InterruptedResult, true, "interrupted");
            }
            else
            {
                using var activity = OrchestrationTelemetry.Source.StartActivity($"tool {call.Name}");
                activity?.SetTag("zwarm.tool.name", call.Name);
                activity?.SetTag("zwarm.tool.call_id", call.CallId);
                try
                {
                    outcome = call.Exception is { } parseError
                        ? new ToolOutcome(SessionTools.Serialize(new ToolErrorResult($"could not read the arguments: {parseError.Message}",
                            "send the arguments as one JSON object"), ToolJsonContext.Compact.ToolErrorResult), true, "error: unreadable arguments")
                        : await Tools.InvokeAsync(call.Name, call.Arguments, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    interrupted = true;
                    outcome = new ToolOutcome(InterruptedResult, true, "interrupted");
                }
                activity?.SetTag("zwarm.tool.is_error", outcome.IsError);
                activity?.SetStatus(outcome.IsError ? ActivityStatusCode.Error : ActivityStatusCode.Ok);
            }
            var done = new ExecutedToolCall(call.CallId, call.Name, arguments, outcome, Stopwatch.GetElapsedTime(callStarted));
            executed[call.CallId] = done;
            observer?.Invoke(new ToolCallCompleted(done.CallId, done.Name, done.ArgumentsJson, outcome, done.Duration));
        }

        // Results in the order of the calls, in one tool message right after the reply.
        var ordered = calls.Select(c => executed[c.CallId]).ToList();
        var results = new ChatMessage(ChatRole.Tool,
            [.. ordered.Select(c => (AIContent)new FunctionResultContent(c.CallId, c.Outcome.ResultJson))]);
        conversation.Add(results);
        added.Add(results);
        return new EngineStep(response, ordered, modelDuration, added) { Interrupted = interrupted };
    }

    /// <summary>
    /// One user turn (pilot): appends <paramref name="userMessage"/>, then steps until the model answers in text
    /// without calling a tool, calls exit, or <paramref name="maxSteps"/> (default <see cref="ChatEngineOptions.MaxStepsPerTurn"/>)
    /// model calls were made. Text, reasoning and tool calls stream to <paramref name="observer"/>. Cancellation
    /// throws once the conversation is consistent again (no call without a result).
    /// </summary>
    public async Task<EngineTurn> RunTurnAsync(IList<ChatMessage> conversation, string userMessage, Action<EngineEvent>? observer,
        CancellationToken cancellationToken, int? maxSteps = null)
    {
        conversation.Add(new ChatMessage(ChatRole.User, userMessage));
        var limit = maxSteps ?? Options.MaxStepsPerTurn;
        var steps = new List<EngineStep>();
        var usage = TokenUsage.Zero;
        while (true)
        {
            var step = await StepAsync(conversation, null, observer, cancellationToken).ConfigureAwait(false);
            steps.Add(step);
            usage += ToTokenUsage(step.Usage);
            if (step.Interrupted)
            {
                throw new OperationCanceledException(cancellationToken);
            }
            if (step.ExitSummary is not null)
            {
                return new EngineTurn(steps, TurnEnd.Exit, usage);
            }
            if (!step.HasToolCalls)
            {
                return new EngineTurn(steps, TurnEnd.Answered, usage);
            }
            if (steps.Count >= limit)
            {
                return new EngineTurn(steps, TurnEnd.StepLimit, usage);
            }
        }
    }

    /// <summary>M.E.AI usage as zwarm's token counts (input includes cached input).</summary>
    public static TokenUsage ToTokenUsage(UsageDetails? usage) => usage is null
        ? TokenUsage.Zero
        : new TokenUsage(usage.InputTokenCount ?? 0, usage.CachedInputTokenCount ?? 0, 0, usage.OutputTokenCount ?? 0,
            usage.ReasoningTokenCount ?? 0);

    private async Task<ChatResponse> CallModelAsync(List<ChatMessage> request, Action<EngineEvent>? observer,
        CancellationToken cancellationToken)
    {
        var chatOptions = CreateChatOptions();
        try
        {
            if (!Options.Stream)
            {
                var response = ThrowOnError(await Client.GetResponseAsync(request, chatOptions, cancellationToken).ConfigureAwait(false));
                foreach (var content in response.Messages.SelectMany(m => m.Contents))
                {
                    Report(content, observer);
                }
                return response;
            }
            var updates = new List<ChatResponseUpdate>();
            var health = new StreamHealth();
            await foreach (var update in Client.GetStreamingResponseAsync(request, chatOptions, cancellationToken).ConfigureAwait(false))
            {
                updates.Add(update);
                health.Observe(update);
                foreach (var content in update.Contents)
                {
                    Report(content, observer);
                }
            }
            if (health.Check() is { } problem)
            {
                throw new LlmReplyException(problem);
            }
            return ThrowOnError(updates.ToChatResponse());
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is not ZwarmException)
        {
            throw new ZwarmException(ErrorKind.External, $"{Options.EndpointDescription}: {LlmErrors.Describe(e)}", e);
        }
    }

    /// <summary>An error the provider reported inside a reply (e.g. Responses' response.failed) fails the call.</summary>
    private static ChatResponse ThrowOnError(ChatResponse response)
    {
        if (response.Messages.SelectMany(m => m.Contents).OfType<ErrorContent>().FirstOrDefault() is { } error)
        {
            throw new LlmReplyException(string.IsNullOrWhiteSpace(error.ErrorCode) ? error.Message : $"{error.ErrorCode}: {error.Message}");
        }
        return response;
    }

    private static void Report(AIContent content, Action<EngineEvent>? observer)
    {
        switch (content)
        {
            case TextContent { Text.Length: > 0 } text:
                observer?.Invoke(new TextDelta(text.Text));
                break;
            case TextReasoningContent { Text.Length: > 0 } reasoning:
                observer?.Invoke(new ReasoningDelta(reasoning.Text));
                break;
        }
    }
}
