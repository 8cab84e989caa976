namespace Zwarm.ScriptedModels.Requests;

/// <summary>
/// One input message or item of a request, normalized across the three APIs. <see cref="Role"/> is the wire's own
/// role (<c>user</c>, <c>assistant</c>, <c>system</c>, <c>developer</c>, <c>tool</c>); Responses API
/// <c>function_call</c> items become <c>assistant</c> messages with a tool call, <c>function_call_output</c> items
/// become <c>tool</c> messages with a result, and Anthropic <c>tool_result</c> blocks stay in their <c>user</c>
/// message. <see cref="Text"/> joins the text parts with newlines (thinking/reasoning is left out).
/// </summary>
public sealed record ModelMessage(
    string Role,
    string Text,
    IReadOnlyList<ModelToolCall> ToolCalls,
    IReadOnlyList<ModelToolResult> ToolResults)
{
    public static ModelMessage OfText(string role, string text) => new(role, text, [], []);

    /// <summary>A user message that only carries tool results is not a new prompt.</summary>
    public bool IsPrompt => Role == "user" && ToolResults.Count == 0 && Text.Length > 0;
}
