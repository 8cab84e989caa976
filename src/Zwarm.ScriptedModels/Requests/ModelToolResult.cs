namespace Zwarm.ScriptedModels.Requests;

/// <summary>A tool result sent back by the client, flattened to text.</summary>
public sealed record ModelToolResult(string CallId, string Output, bool IsError);
