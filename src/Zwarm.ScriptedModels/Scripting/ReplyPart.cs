// The closed family of things a scripted model can say in one reply, independent of the wire API.
namespace Zwarm.ScriptedModels.Scripting;

/// <summary>One piece of a scripted model reply; rendered per API by the protocol writers.</summary>
public abstract record ReplyPart
{
    private protected ReplyPart()
    {
    }
}

/// <summary>Visible assistant text.</summary>
public sealed record TextPart(string Text) : ReplyPart;

/// <summary>Reasoning: a Responses <c>reasoning</c> item (summary text), an Anthropic <c>thinking</c> block, or
/// Chat Completions <c>reasoning_content</c>.</summary>
public sealed record ReasoningPart(string Text) : ReplyPart;

/// <summary>A function/tool call with an arbitrary name and JSON arguments (an object), on every API.
/// A null <paramref name="CallId"/> gets a deterministic one (<c>call_N_I</c> / <c>toolu_N_I</c>).</summary>
public sealed record ToolCallPart(string Name, string ArgumentsJson, string? CallId = null) : ReplyPart;

/// <summary>A call of tool <paramref name="Tool"/> of MCP server <paramref name="Server"/>, named as the client
/// exposes it: Codex a Responses <c>function_call</c> in namespace <c>mcp__SERVER</c> named <c>TOOL</c>, Claude Code
/// (and any other API) a tool named <c>mcp__SERVER__TOOL</c>.</summary>
public sealed record McpToolCallPart(string Server, string Tool, string ArgumentsJson, string? CallId = null) : ReplyPart;

/// <summary>A freeform (grammar) tool call such as Codex's <c>apply_patch</c>: a Responses <c>custom_tool_call</c>;
/// on the other APIs a regular call with arguments <c>{"input": ...}</c>.</summary>
public sealed record FreeformToolCallPart(string Name, string Input, string? CallId = null) : ReplyPart;

/// <summary>"Run this shell command", rendered as the tool the client advertises: Codex <c>exec_command</c>
/// <c>{"cmd","login":false}</c>, Claude Code <c>Bash</c> or Gemini CLI <c>run_shell_command</c>
/// <c>{"command","description"}</c>, else a <c>shell</c> function.</summary>
public sealed record ShellCallPart(string Command, string? CallId = null) : ReplyPart;

/// <summary>"Create this file", rendered as Codex <c>apply_patch</c> (an Add File patch), Gemini CLI <c>write_file</c>
/// or Claude Code <c>Write</c>
/// (a relative path is resolved against the working directory the CLI announced in its prompt).</summary>
public sealed record WriteFilePart(string Path, string Content, string? CallId = null) : ReplyPart;
