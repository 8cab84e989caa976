// Known models with their aliases and list prices (USD per 1M tokens), from the price table with config overrides
// applied; shared by `zwarm models` and the REPL's `models`.
using System.Globalization;
using Spectre.Console;
using Zwarm.Cli.Rendering.Grids;
using Zwarm.Core.Events;

namespace Zwarm.Cli.Rendering;

internal static class ModelTable
{
    private static readonly Style Bold = new(decoration: Decoration.Bold);
    private static readonly Style Grey = new(Color.Grey);

    /// <summary>One row per priced model, in the table's order, with every alias that resolves to it.</summary>
    public static IReadOnlyList<ModelView> Views(PriceTable prices)
    {
        var aliases = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var alias in prices.Aliases.Keys.Order(StringComparer.Ordinal))
        {
            if (prices.Resolve(alias) is { } target)
            {
                (aliases.TryGetValue(target, out var list) ? list : aliases[target] = []).Add(alias);
            }
        }
        return prices.Prices
            .Select(kv => new ModelView(kv.Key, aliases.GetValueOrDefault(kv.Key) ?? [], kv.Value.Input, kv.Value.CachedInput,
                kv.Value.CacheWrite, kv.Value.Output))
            .ToList();
    }

    /// <param name="filter">Only models or aliases containing this text (case-insensitive); null shows all.</param>
    public static IReadOnlyList<ModelView> Filter(IReadOnlyList<ModelView> views, string? filter) =>
        string.IsNullOrWhiteSpace(filter)
            ? views
            : views.Where(v => v.Model.Contains(filter.Trim(), StringComparison.OrdinalIgnoreCase)
                || v.Aliases.Any(a => a.Contains(filter.Trim(), StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>The table: prices first, the aliases last (they are shortened first on a narrow terminal).</summary>
    public static TextGrid Build(IEnumerable<ModelView> models, bool wide = false)
    {
        var grid = new TextGrid(
        [
            new("MODEL", MinWidth: 16),
            new("INPUT", RightAligned: true),
            new("CACHED", HidePriority: 30, RightAligned: true),
            new("CACHE WRITE", HidePriority: 40, RightAligned: true),
            new("OUTPUT", RightAligned: true),
            new("ALIASES", HidePriority: 20, MinWidth: 12),
        ], wide);
        foreach (var m in models)
        {
            grid.AddRow(
                new GridCell(m.Model, Bold),
                Price(m.Input),
                Price(m.CachedInput),
                Price(m.CacheWrite),
                Price(m.Output),
                new GridCell(string.Join(", ", m.Aliases), Grey));
        }
        return grid;
    }

    /// <summary>The line printed under the table.</summary>
    public const string Footnote = "USD per 1M tokens; override or add models in config.toml ([prices.\"model\"], [price_aliases])";

    private static string Price(decimal usd) => "$" + usd.ToString("0.00##", CultureInfo.InvariantCulture);
}
