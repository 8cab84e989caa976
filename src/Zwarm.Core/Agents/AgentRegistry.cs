// The agents zwarm knows, found by name or alias. User input never throws here: lookups return null / false and
// UnknownMessage explains what is available.
using System.Diagnostics.CodeAnalysis;
using Zwarm.Core.Agents.Claude;
using Zwarm.Core.Agents.Codex;
using Zwarm.Core.Agents.Gemini;
using Zwarm.Core.Agents.Qwen;
using Zwarm.Core.Agents.OpenCode;

namespace Zwarm.Core.Agents;

public sealed class AgentRegistry
{
    private readonly Dictionary<string, IAgentAdapter> _byName = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every adapter zwarm ships, in the order `zwarm agents` lists them.</summary>
    public static AgentRegistry Default { get; } = new([
        new CodexAdapter(),
        new ClaudeCodeAdapter(),
        new GeminiAdapter(),
        new QwenCodeAdapter(),
        new OpenCodeAdapter(),
    ]);

    /// <exception cref="ArgumentException">Two adapters claim the same name or alias (a programming error).</exception>
    public AgentRegistry(IEnumerable<IAgentAdapter> adapters)
    {
        Adapters = [.. adapters];
        foreach (var adapter in Adapters)
        {
            foreach (var name in adapter.Aliases.Prepend(adapter.Name))
            {
                if (!_byName.TryAdd(Key(name), adapter))
                {
                    throw new ArgumentException($"Adapter name '{name}' is used twice.", nameof(adapters));
                }
            }
        }
    }

    /// <summary>All adapters, in registration order.</summary>
    public IReadOnlyList<IAgentAdapter> Adapters { get; }

    /// <summary>Canonical names, in registration order.</summary>
    public IReadOnlyList<string> Names => [.. Adapters.Select(a => a.Name)];

    /// <summary>
    /// Finds an adapter by its name or an alias, ignoring case and treating '-' like '_' ("Claude-Code" works).
    /// </summary>
    public bool TryGet(string? nameOrAlias, [NotNullWhen(true)] out IAgentAdapter? adapter)
    {
        adapter = null;
        return !string.IsNullOrWhiteSpace(nameOrAlias) && _byName.TryGetValue(Key(nameOrAlias), out adapter);
    }

    /// <summary>The adapter for <paramref name="nameOrAlias"/>, or null.</summary>
    public IAgentAdapter? Find(string? nameOrAlias) => TryGet(nameOrAlias, out var adapter) ? adapter : null;

    /// <summary>A one-line error for an unknown adapter name that lists the known ones.</summary>
    public string UnknownMessage(string? nameOrAlias)
    {
        var known = string.Join(", ", Adapters.Select(a =>
            a.Aliases.Count == 0 ? a.Name : $"{a.Name} (alias: {string.Join(", ", a.Aliases)})"));
        return $"Unknown adapter '{nameOrAlias?.Trim()}'. Known adapters: {known}.";
    }

    private static string Key(string name) => name.Trim().Replace('-', '_');
}
