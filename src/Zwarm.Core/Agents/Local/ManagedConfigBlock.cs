// The lines `zwarm agents use-local AGENT` owns in config.toml: one marked block per agent, so the rest of the file
// (the user's settings and comments, `zwarm init`'s commented template) is kept byte for byte, and `--off` removes
// exactly what was added. The block sets [adapters.NAME.env] keys: under the user's own [adapters.NAME.env] table
// when the file has one (TOML forbids a second), else with its own header at the end of the file.
namespace Zwarm.Core.Agents.Local;

internal static class ManagedConfigBlock
{
    public static string StartMarker(string adapter) => $"# >>> zwarm agents use-local {adapter}";

    public static string EndMarker(string adapter) => $"# <<< zwarm agents use-local {adapter}";

    /// <summary>True when <paramref name="text"/> holds the block of <paramref name="adapter"/>.</summary>
    public static bool Has(string text, string adapter) => Lines(text).Any(l => l.Trim().StartsWith(StartMarker(adapter), StringComparison.Ordinal));

    /// <summary>The text with the block of <paramref name="adapter"/> replaced by one setting <paramref name="environment"/>.</summary>
    public static string Apply(string text, string adapter, IReadOnlyDictionary<string, string> environment)
    {
        var lines = Lines(Remove(text, adapter)).ToList();
        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }
        var header = $"[adapters.{adapter}.env]";
        var existing = lines.FindIndex(l => StripComment(l) == header);
        var block = new List<string> { $"{StartMarker(adapter)} (managed: `zwarm agents use-local {adapter} --off` removes it)" };
        if (existing < 0)
        {
            block.Add(header);
        }
        block.AddRange(environment.Select(kv => $"{kv.Key} = {TomlText.Quote(kv.Value)}"));
        block.Add(EndMarker(adapter));
        if (existing >= 0)
        {
            lines.InsertRange(existing + 1, block);
        }
        else
        {
            if (lines.Count > 0) lines.Add("");
            lines.AddRange(block);
        }
        return string.Join('\n', lines) + "\n";
    }

    /// <summary>The text without the block of <paramref name="adapter"/> (unchanged when there is none).</summary>
    public static string Remove(string text, string adapter)
    {
        if (!Has(text, adapter))
        {
            return text;
        }
        var kept = new List<string>();
        var inside = false;
        foreach (var line in Lines(text))
        {
            var trimmed = line.Trim();
            if (!inside && trimmed.StartsWith(StartMarker(adapter), StringComparison.Ordinal))
            {
                inside = true;
                if (kept.Count > 0 && kept[^1].Length == 0) kept.RemoveAt(kept.Count - 1);
                continue;
            }
            if (inside)
            {
                inside = trimmed != EndMarker(adapter);
                continue;
            }
            kept.Add(line);
        }
        while (kept.Count > 0 && kept[^1].Length == 0)
        {
            kept.RemoveAt(kept.Count - 1);
        }
        return kept.Count == 0 ? "" : string.Join('\n', kept) + "\n";
    }

    private static IEnumerable<string> Lines(string text) =>
        text.Length == 0 ? [] : text.Replace("\r\n", "\n").TrimEnd('\n').Split('\n');

    private static string StripComment(string line)
    {
        var hash = line.IndexOf('#');
        return (hash >= 0 ? line[..hash] : line).Trim();
    }
}
