// The model behind a real MCP client (Claude Code or Codex) in the MCP end-to-end tests, and behind the agent it
// delegates to, on one scripted server: the client's model calls zwarm's tools in turn (delegate, then
// wait_for_sessions, check_session and list_sessions, each from the previous result) and finally quotes what it got;
// the delegated agent's model (the other CLI, on the other API) writes a file and says so. It calls zwarm's tools
// only once the client offers them (Claude Code: mcp__zwarm__<tool>; Codex: the namespace mcp__zwarm).
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Zwarm.ScriptedModels.Requests;
using Zwarm.ScriptedModels.Scripting;

namespace Zwarm.RealClients.Tests.Mcp;

internal static partial class McpClientScript
{
    /// <summary>The client's prompt starts with this; the delegated agent's does not.</summary>
    public const string ClientPrompt = "Use zwarm to get the file written.";

    public const string FileName = "delegated.txt";

    /// <summary>What the client's model answers last: this, then the check_session result it got.</summary>
    public const string FinalPrefix = "zwarm reported: ";

    public static ModelScript Create(string adapter, string content) =>
        ModelScript.FromFunction(r => r.LastUserText.StartsWith(ClientPrompt, StringComparison.Ordinal) ? Client(r, adapter, content) : Delegated(r, content));

    /// <summary>The session id in a tool result (the first UUID in it).</summary>
    public static string? SessionId(string text) => Uuid().Match(text) is { Success: true } m ? m.Value : null;

    private static ScriptedReply Client(ModelRequest request, string adapter, string content)
    {
        var pending = request.PendingToolResults;
        if (!request.ToolNames.Any(n => n.StartsWith("mcp__zwarm", StringComparison.Ordinal)))
        {
            // Codex sends its first model call before its MCP servers have started (a JIT `zwarm mcp` takes about a
            // second), without their tools; a model cannot call what it is not offered, so it looks around first.
            return Reply.Shell("sleep 1", preface: "Looking around first.");
        }
        if (!request.ToolCalls.Any(c => c.Name.EndsWith("delegate", StringComparison.Ordinal)))
        {
            return Call("delegate", new JsonObject
            {
                ["task"] = $"Create the file {FileName} containing the line '{content}'.",
                ["adapter"] = adapter,
            });
        }
        var last = pending[^1];
        var tool = request.FindToolCall(last.CallId)?.Name ?? "";
        var id = request.ToolResults.Select(r => SessionId(r.Output)).FirstOrDefault(i => i is not null) ?? "missing-id";
        if (tool.EndsWith("delegate", StringComparison.Ordinal))
        {
            return Call("wait_for_sessions", new JsonObject { ["ids"] = new JsonArray(JsonValue.Create(id)) });
        }
        if (tool.EndsWith("wait_for_sessions", StringComparison.Ordinal))
        {
            return Call("check_session", new JsonObject { ["id"] = id });
        }
        if (tool.EndsWith("check_session", StringComparison.Ordinal))
        {
            return Call("list_sessions", new JsonObject());
        }
        // Codex hands a tool result to its model as "Wall time: ...\nOutput:\n<text>"; the model quotes the JSON part.
        var check = request.ToolResults.LastOrDefault(r => request.FindToolCall(r.CallId)?.Name.EndsWith("check_session", StringComparison.Ordinal) == true)?.Output ?? "";
        return Reply.Text(FinalPrefix + (check.IndexOf('{') is var start and >= 0 ? check[start..] : check));
    }

    private static ScriptedReply Delegated(ModelRequest request, string content) => request.PendingToolResults.Count == 0
        ? Reply.WriteFile(FileName, content + "\n", preface: "Writing it.")
        : Reply.Text($"Wrote {FileName}.");

    private static ScriptedReply Call(string tool, JsonObject arguments) =>
        Reply.McpToolCall("zwarm", tool, arguments.ToJsonString());

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Uuid();
}
