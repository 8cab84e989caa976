// Typed, tracked access to one table of config.toml. Every key read is marked, so that after all layers have read
// their sections, the keys nobody read can be reported as unknown (a typo is an error, not silently ignored).
using System.Globalization;
using Tomlyn.Model;
using Zwarm.Core.Suggestions;

namespace Zwarm.Core.Config;

public sealed class ConfigSection
{
    private readonly TomlTable _table;
    private readonly ConfigDocument _document;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ConfigSection> _children = new(StringComparer.Ordinal);

    internal ConfigSection(ConfigDocument document, TomlTable table, string path)
    {
        _document = document;
        _table = table;
        Path = path;
    }

    /// <summary>Dotted path of this table ("" for the root).</summary>
    public string Path { get; }

    public IEnumerable<string> Keys => _table.Keys;

    public bool Has(string key) => _table.ContainsKey(key);

    public string? GetString(string key)
    {
        if (!TryGet(key, out var value))
        {
            return null;
        }
        if (value is string s)
        {
            return s;
        }
        return Wrong<string>(key, "a string");
    }

    public long? GetInteger(string key)
    {
        if (!TryGet(key, out var value))
        {
            return null;
        }
        return value switch
        {
            long l => l,
            int i => i,
            _ => WrongStruct<long>(key, "an integer"),
        };
    }

    public double? GetNumber(string key)
    {
        if (!TryGet(key, out var value))
        {
            return null;
        }
        return value switch
        {
            double d => d,
            float f => f,
            long l => l,
            int i => i,
            _ => WrongStruct<double>(key, "a number"),
        };
    }

    public bool? GetBool(string key)
    {
        if (!TryGet(key, out var value))
        {
            return null;
        }
        return value is bool b ? b : WrongStruct<bool>(key, "true or false");
    }

    public IReadOnlyList<string>? GetStringList(string key)
    {
        if (!TryGet(key, out var value))
        {
            return null;
        }
        if (value is TomlArray array)
        {
            var list = new List<string>(array.Count);
            foreach (var item in array)
            {
                if (item is string s)
                {
                    list.Add(s);
                }
                else
                {
                    return Wrong<IReadOnlyList<string>>(key, "a list of strings");
                }
            }
            return list;
        }
        return Wrong<IReadOnlyList<string>>(key, "a list of strings");
    }

    /// <summary>A sub-table whose keys are free-form (environment variables, aliases): all values must be strings.</summary>
    public IReadOnlyDictionary<string, string>? GetStringMap(string key)
    {
        if (!TryGet(key, out var value))
        {
            return null;
        }
        if (value is not TomlTable table)
        {
            return Wrong<IReadOnlyDictionary<string, string>>(key, "a table of strings");
        }
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in table)
        {
            switch (v)
            {
                case string s: map[k] = s; break;
                case bool b: map[k] = b ? "true" : "false"; break;
                case long or int or double: map[k] = Convert.ToString(v, CultureInfo.InvariantCulture) ?? ""; break;
                default:
                    _document.AddError($"{Qualify(key)}.{k}", $"{Qualify(key)}.{k} must be a string");
                    break;
            }
        }
        return map;
    }

    /// <summary>A sub-table read with its own tracking; null when absent (or not a table, which is reported).</summary>
    public ConfigSection? GetSection(string key)
    {
        if (_children.TryGetValue(key, out var existing))
        {
            _read.Add(key);
            return existing;
        }
        if (!TryGet(key, out var value))
        {
            return null;
        }
        if (value is not TomlTable table)
        {
            return Wrong<ConfigSection>(key, "a table");
        }
        var child = new ConfigSection(_document, table, Qualify(key));
        _children[key] = child;
        return child;
    }

    /// <summary>Marks a key as known without reading it (e.g. a section another command reads lazily).</summary>
    public void MarkKnown(string key) => _read.Add(key);

    /// <summary>Reports an invalid value found by the caller's own validation.</summary>
    public void Error(string key, string message) => _document.AddError(Qualify(key), $"{Qualify(key)}: {message}");

    /// <summary>Keys nobody read, each with the closest key that was read here (the likely intended one), if any.</summary>
    internal IEnumerable<(string Path, string? Suggestion)> UnreadKeys()
    {
        foreach (var key in _table.Keys)
        {
            if (!_read.Contains(key))
            {
                yield return (Qualify(key), DidYouMean.Closest(key, _read) is { } near ? Qualify(near) : null);
            }
            else if (_children.TryGetValue(key, out var child))
            {
                foreach (var unread in child.UnreadKeys())
                {
                    yield return unread;
                }
            }
        }
    }

    private bool TryGet(string key, out object? value)
    {
        _read.Add(key);
        return _table.TryGetValue(key, out value) && value is not null;
    }

    private string Qualify(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    private T? Wrong<T>(string key, string expected) where T : class
    {
        _document.AddError(Qualify(key), $"{Qualify(key)} must be {expected}");
        return null;
    }

    private T? WrongStruct<T>(string key, string expected) where T : struct
    {
        _document.AddError(Qualify(key), $"{Qualify(key)} must be {expected}");
        return null;
    }
}
