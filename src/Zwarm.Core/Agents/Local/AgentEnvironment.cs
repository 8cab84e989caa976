namespace Zwarm.Core.Agents.Local;

/// <summary>The environment an agent process gets: zwarm's own with the adapter's config overrides (null removes).</summary>
internal static class AgentEnvironment
{
    public static IReadOnlyDictionary<string, string?> With(IReadOnlyDictionary<string, string?> environment, AdapterSettings settings)
    {
        if (settings.Env.Count == 0)
        {
            return environment;
        }
        var merged = new Dictionary<string, string?>(environment, StringComparer.Ordinal);
        foreach (var (key, value) in settings.Env)
        {
            merged[key] = value;
        }
        return merged;
    }
}
