// The Core part of config.toml: [executor], [worktree], [adapters.NAME], [prices.MODEL], [price_aliases].
// Other layers (orchestrator, watchers, pilot) read their own sections from the same ConfigDocument.
using Zwarm.Core.Agents;
using Zwarm.Core.Events;

namespace Zwarm.Core.Config;

public sealed record ZwarmConfig
{
    public ExecutorSettings Executor { get; init; } = new();

    /// <summary>[worktree]: isolated sessions' worktrees.</summary>
    public WorktreeSettings Worktree { get; init; } = new();

    /// <summary>Per-adapter settings keyed by canonical adapter name.</summary>
    public IReadOnlyDictionary<string, AdapterSettings> Adapters { get; init; } = new Dictionary<string, AdapterSettings>();

    /// <summary>Price overrides (USD per 1M tokens) keyed by model id.</summary>
    public IReadOnlyDictionary<string, PriceSetting> Prices { get; init; } = new Dictionary<string, PriceSetting>();

    /// <summary>Extra model aliases (alias -> model id) for the price table.</summary>
    public IReadOnlyDictionary<string, string> PriceAliases { get; init; } = new Dictionary<string, string>();

    public static ZwarmConfig Default { get; } = new();

    /// <summary>The built-in price table with this config's [prices] and [price_aliases] applied.</summary>
    public PriceTable BuildPriceTable() => PriceTable.Default.WithOverrides(
        Prices.ToDictionary(kv => kv.Key, kv => kv.Value.ToModelPrice(), StringComparer.OrdinalIgnoreCase),
        PriceAliases.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.OrdinalIgnoreCase));

    public AdapterSettings AdapterSettingsFor(string adapterName) =>
        Adapters.TryGetValue(adapterName, out var s) ? s : AdapterSettings.Default;

    /// <summary>Reads the Core sections; problems are recorded in the document (see ConfigDocument.Validate).</summary>
    public static ZwarmConfig Read(ConfigDocument document, Func<string, string?> canonicalAdapterName)
    {
        var root = document.Root;
        return new ZwarmConfig
        {
            Executor = ExecutorSettings.Read(root.GetSection("executor")),
            Worktree = WorktreeSettings.Read(root.GetSection("worktree")),
            Adapters = ReadAdapters(root.GetSection("adapters"), canonicalAdapterName),
            Prices = ReadPrices(root.GetSection("prices")),
            PriceAliases = root.GetStringMap("price_aliases") ?? new Dictionary<string, string>(),
        };
    }

    private static Dictionary<string, AdapterSettings> ReadAdapters(ConfigSection? section,
        Func<string, string?> canonicalAdapterName)
    {
        var result = new Dictionary<string, AdapterSettings>(StringComparer.Ordinal);
        if (section is null)
        {
            return result;
        }
        foreach (var name in section.Keys.ToList())
        {
            var table = section.GetSection(name);
            var canonical = canonicalAdapterName(name);
            if (canonical is null)
            {
                section.Error(name, "unknown adapter");
                continue;
            }
            if (table is null)
            {
                continue;
            }
            var env = table.GetStringMap("env");
            result[canonical] = new AdapterSettings(
                Executable: NullIfEmpty(table.GetString("executable")),
                ExtraArgs: table.GetStringList("args"),
                Environment: env?.ToDictionary(kv => kv.Key, kv => (string?)kv.Value, StringComparer.Ordinal),
                DefaultModel: NullIfEmpty(table.GetString("model")));
        }
        return result;
    }

    private static Dictionary<string, PriceSetting> ReadPrices(ConfigSection? section)
    {
        var result = new Dictionary<string, PriceSetting>(StringComparer.OrdinalIgnoreCase);
        if (section is null)
        {
            return result;
        }
        foreach (var model in section.Keys.ToList())
        {
            var table = section.GetSection(model);
            if (table is null)
            {
                continue;
            }
            var input = table.GetNumber("input");
            var output = table.GetNumber("output");
            if (input is null || output is null)
            {
                section.Error(model, "a price needs at least 'input' and 'output' (USD per 1M tokens)");
                continue;
            }
            result[model] = new PriceSetting(input.Value, table.GetNumber("cached_input"), table.GetNumber("cache_write"),
                output.Value);
        }
        return result;
    }

    internal static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}

/// <summary>A price override from config, USD per 1M tokens.</summary>
public sealed record PriceSetting(double Input, double? CachedInput, double? CacheWrite, double Output)
{
    /// <summary>Missing cached / cache-write rates are charged at the input rate.</summary>
    public ModelPrice ToModelPrice() =>
        new((decimal)Input, (decimal)(CachedInput ?? Input), (decimal)(CacheWrite ?? Input), (decimal)Output);
}
