// Reply parts resolved for one request: call ids assigned, shell/file parts turned into the client's real tools.
namespace Zwarm.ScriptedModels.Protocols;

internal abstract record OutputItem;

internal sealed record TextItem(string Text) : OutputItem;

internal sealed record ReasoningItem(string Text) : OutputItem;

/// <summary>A function call; <paramref name="ArgumentsJson"/> is a JSON object. <see cref="Namespace"/> groups a
/// Responses call into a tool namespace (Codex's MCP servers: <c>mcp__SERVER</c>).</summary>
internal sealed record FunctionCallItem(string CallId, string Name, string ArgumentsJson) : OutputItem
{
    public string? Namespace { get; init; }
}

/// <summary>A freeform (custom) tool call; only the Responses API has these natively.</summary>
internal sealed record FreeformCallItem(string CallId, string Name, string Input) : OutputItem;
