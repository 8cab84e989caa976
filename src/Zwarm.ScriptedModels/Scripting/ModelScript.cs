// An immutable, fluent list of rules plus an optional fallback: what a test hands to ScriptedModelServer.
using Zwarm.ScriptedModels.Requests;

namespace Zwarm.ScriptedModels.Scripting;

/// <summary>
/// The script a <see cref="ScriptedModelServer"/> plays. Build it fluently; each call returns a new script:
/// <code>
/// var script = ModelScript.Empty
///     .On(Match.PendingToolResults, r => Reply.Text("Done: " + r.PendingToolResults[0].Output))
///     .On(Match.UserTextContains("run"), Reply.Shell("echo hi > out.txt"))
///     .Otherwise(Reply.Text("Hello"));
/// </code>
/// A request no rule matches (and no fallback) gets a 500 saying so.
/// </summary>
public sealed record ModelScript(IReadOnlyList<ScriptRule> Rules, Func<ModelRequest, ScriptedReply>? Fallback)
{
    public static ModelScript Empty { get; } = new([], null);

    /// <summary>Every model call gets the same reply.</summary>
    public static ModelScript Always(ScriptedReply reply) => Empty.Otherwise(reply);

    /// <summary>The reply is computed from the request (e.g. an orchestrator LLM played by code).</summary>
    public static ModelScript FromFunction(Func<ModelRequest, ScriptedReply> reply) => Empty.Otherwise(reply);

    /// <summary>The n-th model call gets the n-th reply; calls past the end get the last one.</summary>
    public static ModelScript Sequence(params ScriptedReply[] replies)
    {
        ArgumentOutOfRangeException.ThrowIfZero(replies.Length);
        return FromFunction(r => replies[Math.Clamp(r.CallNumber, 1, replies.Length) - 1]);
    }

    public ModelScript On(Func<ModelRequest, bool> when, ScriptedReply reply, string? name = null) =>
        Add(new ScriptRule(name ?? RuleName(), when, _ => reply));

    public ModelScript On(Func<ModelRequest, bool> when, Func<ModelRequest, ScriptedReply> reply, string? name = null) =>
        Add(new ScriptRule(name ?? RuleName(), when, reply));

    /// <summary>Like <see cref="On(Func{ModelRequest, bool}, ScriptedReply, string?)"/>, but answers at most once.</summary>
    public ModelScript Once(Func<ModelRequest, bool> when, ScriptedReply reply, string? name = null) =>
        Add(new ScriptRule(name ?? RuleName(), when, _ => reply, MaxUses: 1));

    public ModelScript Add(ScriptRule rule) => this with { Rules = [.. Rules, rule] };

    public ModelScript Otherwise(ScriptedReply reply) => this with { Fallback = _ => reply };

    public ModelScript Otherwise(Func<ModelRequest, ScriptedReply> reply) => this with { Fallback = reply };

    private string RuleName() => $"rule {Rules.Count + 1}";
}
