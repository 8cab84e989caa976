// The environment of an attached child is exactly zwarm's context environment (which tests and callers may have
// edited), not zwarm's own process environment with the context laid over it. CliWrap only adds or removes
// variables on top of the inherited block, so this turns "exactly these" into the overlay it needs: the context's
// values, plus a removal (null) for every inherited variable the context does not have.
using System.Collections;

namespace Zwarm.Core.Processes;

public static class ChildEnvironment
{
    /// <summary>The CliWrap overlay (WithEnvironmentVariables) that leaves the child exactly <paramref name="environment"/>.</summary>
    public static Dictionary<string, string?> Exactly(IReadOnlyDictionary<string, string?> environment)
    {
        var overlay = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry inherited in Environment.GetEnvironmentVariables())
        {
            overlay[(string)inherited.Key] = null;
        }
        foreach (var (name, value) in environment)
        {
            overlay[name] = value;
        }
        return overlay;
    }

    /// <summary>Replaces <paramref name="target"/> (a ProcessStartInfo's block) with <paramref name="environment"/>.</summary>
    public static void Replace(IDictionary<string, string?> target, IReadOnlyDictionary<string, string?> environment)
    {
        target.Clear();
        foreach (var (name, value) in environment)
        {
            if (value is not null)
            {
                target[name] = value;
            }
        }
    }
}
