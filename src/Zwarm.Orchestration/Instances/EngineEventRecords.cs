// The events.jsonl records of what the chat engine reported (a model call, a tool call, its result), shared by the
// orchestrator loop and pilot so both logs read the same. Long texts are cut; arguments that are not JSON become {}.
using System.Text.Json;
using Microsoft.Extensions.AI;
using Zwarm.Orchestration.Loop;

namespace Zwarm.Orchestration.Instances;

internal static class EngineEventRecords
{
    /// <summary>Longest text or tool result kept in one event.</summary>
    private const int MaxText = 8000;

    public static LlmCalled LlmCall(ModelCallCompleted done, string fallbackModel)
    {
        var usage = ChatEngine.ToTokenUsage(done.Response.Usage);
        var text = done.Response.Text;
        return new LlmCalled(done.Response.ModelId ?? fallbackModel, usage.InputTokens, usage.CachedInputTokens,
            usage.OutputTokens, usage.ReasoningOutputTokens, (long)done.Duration.TotalMilliseconds,
            done.Response.FinishReason?.Value, string.IsNullOrEmpty(text) ? null : Cut(text, MaxText),
            done.Response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Count());
    }

    public static ToolCalled ToolCall(ToolCallStarted started) =>
        new(started.CallId, started.Name, ParseJson(started.ArgumentsJson));

    public static ToolReturned ToolResult(ToolCallCompleted completed) =>
        new(completed.CallId, completed.Name, completed.Outcome.IsError, completed.Outcome.Summary,
            Cut(completed.Outcome.ResultJson, MaxText), (long)completed.Duration.TotalMilliseconds, completed.Outcome.SessionIds);

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max] + "…";

    private static JsonElement ParseJson(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            using var doc = JsonDocument.Parse("{}");
            return doc.RootElement.Clone();
        }
    }
}
