// Plays the orchestrator's LLM on a scripted server: requests that offer the `delegate` tool are the orchestrator's
// and get the next scripted step; every other request (the agents' model calls, the llm watcher) goes to a fallback.
using System.Text.Json.Nodes;
using Zwarm.ScriptedModels.Requests;
using Zwarm.ScriptedModels.Scripting;

namespace Zwarm.Orchestration.Tests.Support;

internal sealed class OrchestratorScript
{
    private readonly List<Func<ModelRequest, ScriptedReply>> _steps = [];
    private readonly List<ModelRequest> _requests = [];
    private readonly Lock _lock = new();

    /// <summary>The reply once the steps are used up.</summary>
    public ScriptedReply AfterLast { get; init; } = Reply.ToolCall("exit", """{"summary":"script finished"}""");

    /// <summary>The orchestrator's requests so far.</summary>
    public IReadOnlyList<ModelRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    public OrchestratorScript Then(Func<ModelRequest, ScriptedReply> step)
    {
        _steps.Add(step);
        return this;
    }

    public OrchestratorScript Then(ScriptedReply reply) => Then(_ => reply);

    public OrchestratorScript Call(string tool, string argumentsJson) => Then(Reply.ToolCall(tool, argumentsJson));

    public ScriptedReply Answer(ModelRequest request)
    {
        lock (_lock)
        {
            _requests.Add(request);
            var i = _requests.Count - 1;
            return i < _steps.Count ? _steps[i](request) : AfterLast;
        }
    }

    public ModelScript ToModelScript(Func<ModelRequest, ScriptedReply>? others = null) => ModelScript.Empty
        .On(Match.AdvertisesTool("delegate"), Answer, "orchestrator")
        .Otherwise(others ?? (_ => Zwarm.ScriptedModels.Scripting.Reply.Text("agent reply")));

    /// <summary>Session ids returned by delegate calls in the request's history, in order.</summary>
    public static List<string> SessionIds(ModelRequest request) =>
        [.. request.ToolResults.Select(r => Parse(r.Output)?["session_id"]?.GetValue<string>()).OfType<string>().Distinct()];

    public static JsonNode? Parse(string json)
    {
        try
        {
            return JsonNode.Parse(json);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>A JSON string literal (for building tool arguments).</summary>
    public static string Json(string value) => System.Text.Json.JsonSerializer.Serialize(value);
}
