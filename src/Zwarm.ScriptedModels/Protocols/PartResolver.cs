// Turns API-neutral reply parts into concrete output items for the API and tool set of one request.
using System.Text;
using System.Text.Json.Nodes;
using Zwarm.ScriptedModels.Requests;
using Zwarm.ScriptedModels.Scripting;

namespace Zwarm.ScriptedModels.Protocols;

internal static class PartResolver
{
    public static IReadOnlyList<OutputItem> Resolve(ModelRequest request, IReadOnlyList<ReplyPart> parts)
    {
        var items = new List<OutputItem>(parts.Count);
        for (int i = 0; i < parts.Count; i++)
        {
            var callId = DefaultCallId(request, i + 1);
            items.Add(parts[i] switch
            {
                TextPart t => new TextItem(t.Text),
                ReasoningPart r => new ReasoningItem(r.Text),
                ToolCallPart c => new FunctionCallItem(c.CallId ?? callId, c.Name, NormalizeArguments(c.ArgumentsJson)),
                McpToolCallPart m => request.Api == ModelApi.OpenAIResponses
                    ? new FunctionCallItem(m.CallId ?? callId, m.Tool, NormalizeArguments(m.ArgumentsJson)) { Namespace = $"mcp__{m.Server}" }
                    : new FunctionCallItem(m.CallId ?? callId, $"mcp__{m.Server}__{m.Tool}", NormalizeArguments(m.ArgumentsJson)),
                FreeformToolCallPart f => Freeform(request, f.CallId ?? callId, f.Name, f.Input),
                ShellCallPart s => Shell(request, s.CallId ?? callId, s.Command),
                WriteFilePart w => WriteFile(request, w.CallId ?? callId, w.Path, w.Content),
                _ => throw new InvalidOperationException($"Unknown reply part {parts[i].GetType().Name}"),
            });
        }
        return items;
    }

    /// <summary>Deterministic ids: <c>call_N_I</c> (OpenAI) or <c>toolu_N_I</c> (Anthropic) for part I of call N.</summary>
    public static string DefaultCallId(ModelRequest request, int index) =>
        request.Api == ModelApi.AnthropicMessages ? $"toolu_{request.CallNumber}_{index}" : $"call_{request.CallNumber}_{index}";

    /// <summary>The freeform form of Codex's <c>apply_patch</c> that adds one file.</summary>
    public static string AddFilePatch(string path, string content)
    {
        var patch = new StringBuilder().Append("*** Begin Patch\n*** Add File: ").Append(path).Append('\n');
        foreach (var line in content.TrimEnd('\n').Split('\n')) patch.Append('+').Append(line).Append('\n');
        return patch.Append("*** End Patch\n").ToString();
    }

    private static OutputItem Freeform(ModelRequest request, string callId, string name, string input) =>
        request.Api == ModelApi.OpenAIResponses
            ? new FreeformCallItem(callId, name, input)
            : new FunctionCallItem(callId, name, Json.Write(new JsonObject { ["input"] = input }));

    private static OutputItem Shell(ModelRequest request, string callId, string command)
    {
        string[] known = ["exec_command", "Bash", "bash", "shell", "run_shell_command"];
        var tool = known.FirstOrDefault(request.AdvertisesTool) ?? request.Api switch
        {
            ModelApi.OpenAIResponses => "exec_command",
            ModelApi.AnthropicMessages => "Bash",
            ModelApi.GeminiGenerateContent => "run_shell_command",
            _ => "shell",
        };
        // login=false: a login shell would source the user's profile, whose noise (pyenv, motd) lands in the output.
        var arguments = tool == "exec_command"
            ? new JsonObject { ["cmd"] = command, ["login"] = false }
            : new JsonObject { ["command"] = command, ["description"] = "Run a shell command" };
        return new FunctionCallItem(callId, tool, Json.Write(arguments));
    }

    private static OutputItem WriteFile(ModelRequest request, string callId, string path, string content)
    {
        if (request.Api == ModelApi.GeminiGenerateContent
            || (request.AdvertisesTool("write_file") && !request.AdvertisesTool("apply_patch")))
        {
            // Gemini CLI's and Qwen Code's tool: an absolute file_path, like Claude's Write.
            var target = Path.IsPathRooted(path) || request.WorkingDirectory is not { } dir ? path : Path.Combine(dir, path);
            return new FunctionCallItem(callId, "write_file",
                Json.Write(new JsonObject { ["file_path"] = target, ["content"] = content }));
        }
        if (request.Api == ModelApi.AnthropicMessages || (request.AdvertisesTool("Write") && !request.AdvertisesTool("apply_patch")))
        {
            var absolute = Path.IsPathRooted(path) || request.WorkingDirectory is not { } cwd ? path : Path.Combine(cwd, path);
            return new FunctionCallItem(callId, "Write",
                Json.Write(new JsonObject { ["file_path"] = absolute, ["content"] = content }));
        }
        return Freeform(request, callId, "apply_patch", AddFilePatch(path, content));
    }

    /// <summary>Tool arguments must be a JSON object on every API; anything else is wrapped as <c>{"input": ...}</c>.</summary>
    private static string NormalizeArguments(string argumentsJson) =>
        Json.TryParse(argumentsJson) is JsonObject obj ? Json.Write(obj) : Json.Write(new JsonObject { ["input"] = argumentsJson });
}
