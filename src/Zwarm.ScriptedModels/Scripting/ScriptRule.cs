using Zwarm.ScriptedModels.Requests;

namespace Zwarm.ScriptedModels.Scripting;

/// <summary>
/// "When the request looks like this, reply that." Rules are tried in order; the first whose <paramref name="When"/>
/// holds and whose <paramref name="MaxUses"/> (null = unlimited) is not used up answers.
/// </summary>
public sealed record ScriptRule(
    string Name,
    Func<ModelRequest, bool> When,
    Func<ModelRequest, ScriptedReply> Reply,
    int? MaxUses = null);
