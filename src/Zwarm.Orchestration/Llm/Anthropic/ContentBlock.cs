// One Messages content block in either direction. The API's blocks are a tagged union on `type`; a flat record with
// nullable members (null members are not written) covers the kinds zwarm sends and reads without polymorphic JSON:
// text {text}, thinking {thinking, signature}, redacted_thinking {data}, tool_use {id, name, input},
// tool_result {tool_use_id, content, is_error}. Other kinds in replies (server tools, citations) are ignored.
using System.Text.Json;

namespace Zwarm.Orchestration.Llm.Anthropic;

internal sealed record ContentBlock
{
    public required string Type { get; init; }

    public string? Text { get; init; }

    public string? Thinking { get; init; }

    public string? Signature { get; init; }

    public string? Data { get; init; }

    public string? Id { get; init; }

    public string? Name { get; init; }

    public JsonElement? Input { get; init; }

    public string? ToolUseId { get; init; }

    public string? Content { get; init; }

    public bool? IsError { get; init; }

    public static ContentBlock OfText(string text) => new() { Type = "text", Text = text };
}
