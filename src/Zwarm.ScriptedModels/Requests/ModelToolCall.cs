namespace Zwarm.ScriptedModels.Requests;

/// <summary>
/// A tool call found in a request's history (an earlier model reply). <paramref name="Arguments"/> is JSON text for
/// function tools, or the raw text for freeform tools (Codex's <c>apply_patch</c>).
/// </summary>
public sealed record ModelToolCall(string CallId, string Name, string Arguments);
