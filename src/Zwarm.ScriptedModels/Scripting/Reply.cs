namespace Zwarm.ScriptedModels.Scripting;

/// <summary>Short factories for <see cref="ScriptedReply"/>; combine with <c>with { Usage = ..., Delay = ... }</c>.</summary>
public static class Reply
{
    public static ContentReply Text(string text) => new([new TextPart(text)]);

    public static ContentReply ReasoningThenText(string reasoning, string text) =>
        new([new ReasoningPart(reasoning), new TextPart(text)]);

    public static ContentReply Parts(params ReplyPart[] parts) => new(parts);

    /// <summary>A call of any tool (e.g. an orchestrator's <c>delegate</c>), optionally after some text.</summary>
    public static ContentReply ToolCall(string name, string argumentsJson, string? callId = null, string? preface = null) =>
        new(WithPreface(preface, new ToolCallPart(name, argumentsJson, callId)));

    /// <summary>A call of an MCP server's tool as the agent CLI names it (see <see cref="McpToolCallPart"/>).</summary>
    public static ContentReply McpToolCall(string server, string tool, string argumentsJson, string? callId = null) =>
        new([new McpToolCallPart(server, tool, argumentsJson, callId)]);

    /// <summary>Asks the agent CLI to run a shell command (Codex <c>exec_command</c>, Claude Code <c>Bash</c>).</summary>
    public static ContentReply Shell(string command, string? preface = null, string? callId = null) =>
        new(WithPreface(preface, new ShellCallPart(command, callId)));

    /// <summary>Asks the agent CLI to create a file (Codex <c>apply_patch</c>, Claude Code <c>Write</c>).</summary>
    public static ContentReply WriteFile(string path, string content, string? preface = null, string? callId = null) =>
        new(WithPreface(preface, new WriteFilePart(path, content, callId)));

    public static ErrorReply Error(int statusCode, string message) => new(statusCode, message);

    public static ErrorReply Unauthorized(string message = "Incorrect API key provided") => new(401, message);

    public static ErrorReply ServerError(string message = "The scripted server had an error") => new(500, message);

    public static StreamErrorReply StreamError(string message, params ReplyPart[] partsBefore) => new(message, partsBefore);

    public static CutStreamReply CutStream(params ReplyPart[] partsBefore) => new(partsBefore);

    public static CutStreamReply AbortConnection(params ReplyPart[] partsBefore) => new(partsBefore, AbortConnection: true);

    public static StallReply Stall(bool sendHeaders = true) => new(sendHeaders);

    private static ReplyPart[] WithPreface(string? preface, ReplyPart call) =>
        string.IsNullOrEmpty(preface) ? [call] : [new TextPart(preface), call];
}
