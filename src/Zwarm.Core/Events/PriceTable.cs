// Model prices keyed by model id, with aliases, so a session's usage can be turned into dollars. Lookup tolerates
// case, a provider prefix ("openai/gpt-5"), Claude's "[1m]" suffix, date suffixes ("claude-sonnet-4-5-20250929",
// "gpt-4o-2024-08-06") and, last, the longest known id that the name extends at a '-' ("gpt-5.1-codex-max-high").
namespace Zwarm.Core.Events;

public sealed partial class PriceTable
{
    private const int MaxAliasHops = 8;

    private readonly Dictionary<string, ModelPrice> _prices;
    private readonly Dictionary<string, string> _aliases;

    /// <summary>Built-in list prices (see PriceTable.Defaults.cs for sources).</summary>
    public static PriceTable Default { get; } = new(DefaultPrices(), DefaultAliases());

    public PriceTable(
        IEnumerable<KeyValuePair<string, ModelPrice>> prices,
        IEnumerable<KeyValuePair<string, string>>? aliases = null)
    {
        _prices = new Dictionary<string, ModelPrice>(StringComparer.Ordinal);
        _aliases = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (model, price) in prices)
        {
            _prices[Normalize(model)] = price;
        }
        foreach (var (alias, target) in aliases ?? [])
        {
            _aliases[Normalize(alias)] = Normalize(target);
        }
    }

    /// <summary>Prices by normalized (lower-case) model id.</summary>
    public IReadOnlyDictionary<string, ModelPrice> Prices => _prices;

    /// <summary>Alias -> model id, both normalized.</summary>
    public IReadOnlyDictionary<string, string> Aliases => _aliases;

    /// <summary>A new table: this one with <paramref name="prices"/> and <paramref name="aliases"/> added or replaced.</summary>
    public PriceTable WithOverrides(
        IReadOnlyDictionary<string, ModelPrice>? prices,
        IReadOnlyDictionary<string, string>? aliases = null) =>
        new(_prices.Concat(prices ?? new Dictionary<string, ModelPrice>()),
            _aliases.Concat(aliases ?? new Dictionary<string, string>()));

    /// <summary>The id in <see cref="Prices"/> that <paramref name="model"/> resolves to, or null when unknown.</summary>
    public string? Resolve(string? model)
    {
        if (string.IsNullOrWhiteSpace(model))
        {
            return null;
        }
        var name = Normalize(model);
        for (var hop = 0; hop < MaxAliasHops; hop++)
        {
            if (_prices.ContainsKey(name))
            {
                return name;
            }
            if (_aliases.TryGetValue(name, out var target))
            {
                name = target;
                continue;
            }
            var undated = StripDateSuffix(name);
            if (undated.Length == name.Length)
            {
                break;
            }
            name = undated;
        }
        return LongestKnownPrefix(name);
    }

    /// <summary>The price of <paramref name="model"/>, or null when unknown.</summary>
    public ModelPrice? Find(string? model) => Resolve(model) is { } id ? _prices[id] : null;

    /// <summary>USD for <paramref name="usage"/> on <paramref name="model"/>; null when the model is unknown.</summary>
    public decimal? Cost(string? model, TokenUsage usage) => Find(model)?.Cost(usage);

    private string? LongestKnownPrefix(string name)
    {
        string? best = null;
        foreach (var key in _prices.Keys.Concat(_aliases.Keys))
        {
            if (name.Length > key.Length && name[key.Length] == '-' && name.StartsWith(key, StringComparison.Ordinal)
                && (best is null || key.Length > best.Length))
            {
                best = key;
            }
        }
        if (best is null || _prices.ContainsKey(best))
        {
            return best;
        }
        // The best prefix is an alias: follow it (without prefix matching again).
        for (var hop = 0; hop < MaxAliasHops && _aliases.TryGetValue(best, out var target); hop++)
        {
            best = target;
        }
        return _prices.ContainsKey(best) ? best : null;
    }

    private static string Normalize(string model)
    {
        var name = model.Trim().ToLowerInvariant();
        var slash = name.LastIndexOf('/');
        if (slash >= 0)
        {
            name = name[(slash + 1)..];
        }
        if (name.EndsWith("[1m]", StringComparison.Ordinal))
        {
            name = name[..^4];
        }
        return name;
    }

    // "-20250929" or "-2024-08-06" at the end.
    private static string StripDateSuffix(string name)
    {
        if (name.Length > 9 && name[^9] == '-' && AllDigits(name.AsSpan(name.Length - 8)))
        {
            return name[..^9];
        }
        if (name.Length > 11 && name[^11] == '-' && name[^6] == '-' && name[^3] == '-'
            && AllDigits(name.AsSpan(name.Length - 10, 4)) && AllDigits(name.AsSpan(name.Length - 5, 2))
            && AllDigits(name.AsSpan(name.Length - 2, 2)))
        {
            return name[..^11];
        }
        return name;
    }

    private static bool AllDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }
        return true;
    }
}
