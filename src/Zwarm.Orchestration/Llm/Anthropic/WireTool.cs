using System.Text.Json;

namespace Zwarm.Orchestration.Llm.Anthropic;

/// <summary>A client tool: name, description and the JSON schema of its input.</summary>
internal sealed record WireTool(string Name, string? Description, JsonElement InputSchema);
