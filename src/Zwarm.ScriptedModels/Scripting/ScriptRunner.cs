using Zwarm.ScriptedModels.Requests;

namespace Zwarm.ScriptedModels.Scripting;

/// <summary>Picks the reply for a model call; owns the per-rule use counts, so a script can be shared and reused.</summary>
internal sealed class ScriptRunner(ModelScript script)
{
    private readonly int[] _uses = new int[script.Rules.Count];
    private readonly Lock _lock = new();

    /// <summary>The matching rule's name and reply, or null when nothing matched. Predicates and reply functions run
    /// under a lock so "at most once" holds with concurrent clients; they must be quick.</summary>
    public (string Rule, ScriptedReply Reply)? Select(ModelRequest request)
    {
        lock (_lock)
        {
            for (int i = 0; i < script.Rules.Count; i++)
            {
                var rule = script.Rules[i];
                if (rule.MaxUses is { } max && _uses[i] >= max) continue;
                if (!rule.When(request)) continue;
                _uses[i]++;
                return (rule.Name, rule.Reply(request));
            }
            return script.Fallback is { } fallback ? ("fallback", fallback(request)) : null;
        }
    }
}
