using Zwarm.ScriptedModels.Requests;

namespace Zwarm.ScriptedModels.Scripting;

/// <summary>Ready-made conditions for <see cref="ScriptRule.When"/>; any <c>Func&lt;ModelRequest, bool&gt;</c> works too.</summary>
public static class Match
{
    public static bool Any(ModelRequest request) => true;

    /// <summary>The request continues a tool loop: it carries tool results sent after the latest prompt.</summary>
    public static bool PendingToolResults(ModelRequest request) => request.PendingToolResults.Count > 0;

    /// <summary>The request is a later turn of a conversation (an earlier prompt is in its history).</summary>
    public static bool FollowUp(ModelRequest request) => request.EarlierPrompts.Count > 0;

    /// <summary>The latest user prompt contains <paramref name="text"/> (case-insensitive).</summary>
    public static Func<ModelRequest, bool> UserTextContains(string text) =>
        r => r.LastUserText.Contains(text, StringComparison.OrdinalIgnoreCase);

    /// <summary>The request carries the result of the tool call <paramref name="callId"/>.</summary>
    public static Func<ModelRequest, bool> ToolResultFor(string callId) =>
        r => r.ToolResults.Any(t => t.CallId == callId);

    /// <summary>The n-th model call of the server (1-based, all APIs counted together).</summary>
    public static Func<ModelRequest, bool> CallNumber(int n) => r => r.CallNumber == n;

    public static Func<ModelRequest, bool> Api(ModelApi api) => r => r.Api == api;

    public static Func<ModelRequest, bool> Model(string model) => r => r.Model == model;

    /// <summary>The client advertises a tool of that name (e.g. <c>exec_command</c>, <c>Bash</c>, <c>delegate</c>).</summary>
    public static Func<ModelRequest, bool> AdvertisesTool(string name) => r => r.AdvertisesTool(name);

    public static Func<ModelRequest, bool> All(params Func<ModelRequest, bool>[] conditions) =>
        r => conditions.All(c => c(r));

    public static Func<ModelRequest, bool> Not(Func<ModelRequest, bool> condition) => r => !condition(r);
}
