// config.toml parsed once (Tomlyn, source-generated so it stays AOT-safe), with `--set a.b=value` overrides applied
// on top. Each layer reads its own sections through ConfigSection; Validate() then reports syntax errors, wrong
// types and keys nobody read (unknown keys) in one clear message, each problem under its source: `--set` when an
// override set that key, else the file with the line of the key when it can be found.
using Tomlyn;
using Tomlyn.Model;
using Tomlyn.Serialization;

namespace Zwarm.Core.Config;

public sealed class ConfigDocument
{
    private readonly List<(string Path, string Message)> _errors = [];
    private readonly HashSet<string> _overridden = new(StringComparer.Ordinal);
    private readonly TomlTable _table;
    private readonly string _text;

    private ConfigDocument(TomlTable table, string? sourcePath, string text = "")
    {
        _table = table;
        _text = text;
        SourcePath = sourcePath;
        Root = new ConfigSection(this, table, "");
    }

    /// <summary>The settings given (the file with the overrides applied), as TOML; empty when none.</summary>
    public string ToToml() => Pruned(_table) is { Count: > 0 } given ? TomlSerializer.Serialize(given, ConfigTomlContext.Default.TomlTable) : "";

    /// <summary>A copy without the tables that set nothing (a template's sections whose keys are all commented).</summary>
    private static TomlTable Pruned(TomlTable table)
    {
        var result = new TomlTable();
        foreach (var (key, value) in table)
        {
            if (value is not TomlTable sub)
            {
                result[key] = value;
            }
            else if (Pruned(sub) is { Count: > 0 } kept)
            {
                result[key] = kept;
            }
        }
        return result;
    }

    /// <summary>The file this came from, if any.</summary>
    public string? SourcePath { get; }

    public ConfigSection Root { get; }

    public IReadOnlyList<string> Errors => [.. _errors.Select(e => e.Message)];

    /// <summary>An empty document (no file): every setting takes its default.</summary>
    public static ConfigDocument Empty() => new(new TomlTable(), null);

    /// <summary>Parses TOML text; syntax errors become a <see cref="ZwarmException"/> of kind Config.</summary>
    public static ConfigDocument Parse(string text, string? sourcePath, IEnumerable<string>? overrides = null)
    {
        TomlTable table;
        try
        {
            table = string.IsNullOrWhiteSpace(text)
                ? new TomlTable()
                : TomlSerializer.Deserialize(text, ConfigTomlContext.Default.TomlTable) ?? new TomlTable();
        }
        catch (TomlException e)
        {
            var where = sourcePath ?? "config";
            var message = e.Diagnostics is { Count: > 0 } d ? d[0].Message : FirstLine(e.Message);
            throw new ZwarmException(ErrorKind.Config, $"{where}:{e.Line}:{e.Column}: {message}");
        }
        var document = new ConfigDocument(table, sourcePath, text);
        foreach (var item in overrides ?? [])
        {
            document.ApplyOverride(table, item);
        }
        return document;
    }

    /// <summary>Loads <paramref name="path"/> (null or missing file = empty) and applies overrides.</summary>
    public static ConfigDocument Load(string? path, IEnumerable<string>? overrides = null)
    {
        if (path is null || !File.Exists(path))
        {
            return Parse("", path, overrides);
        }
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ZwarmException(ErrorKind.Config, $"cannot read {path}: {e.Message}");
        }
        return Parse(text, path, overrides);
    }

    /// <summary>Records a problem with the setting at <paramref name="path"/> (dotted).</summary>
    internal void AddError(string path, string message) => _errors.Add((path, message));

    /// <summary>Throws one Config error listing every problem found so far, including unknown keys.</summary>
    public void Validate()
    {
        var problems = new List<(string Path, string Message)>(_errors);
        foreach (var (key, suggestion) in Root.UnreadKeys())
        {
            problems.Add((key, $"unknown key '{key}'" + (suggestion is null ? "" : $" (did you mean '{suggestion}'?)")));
        }
        if (problems.Count > 0)
        {
            var grouped = problems.GroupBy(p => SourceOf(p.Path), p => p.Message)
                .Select(g => $"{g.Key}: {string.Join("; ", g)}");
            throw new ZwarmException(ErrorKind.Config, string.Join("; ", grouped));
        }
    }

    /// <summary>Where a setting came from: `--set`, or the file (with the key's line when found).</summary>
    private string SourceOf(string path)
    {
        if (_overridden.Any(o => o == path || path.StartsWith(o + ".", StringComparison.Ordinal) || o.StartsWith(path + ".", StringComparison.Ordinal)))
        {
            return "--set";
        }
        var where = SourcePath ?? "config";
        return ConfigLines.Find(_text, path) is { } line ? $"{where}:{line}" : where;
    }

    // `--set executor.model=gpt-5` : the value is read as a TOML value when it is one (numbers, booleans, arrays,
    // quoted strings), otherwise taken as a plain string.
    private void ApplyOverride(TomlTable root, string item)
    {
        var eq = item.IndexOf('=');
        if (eq <= 0)
        {
            throw new ZwarmException(ErrorKind.Usage, $"--set expects key=value, got '{item}'");
        }
        var path = item[..eq].Trim().Split('.');
        if (path.Any(string.IsNullOrWhiteSpace))
        {
            throw new ZwarmException(ErrorKind.Usage, $"--set: bad key '{item[..eq]}'");
        }
        _overridden.Add(string.Join('.', path.Select(p => p.Trim())));
        var raw = item[(eq + 1)..].Trim();
        object value = raw;
        try
        {
            var parsed = TomlSerializer.Deserialize($"v = {raw}", ConfigTomlContext.Default.TomlTable);
            if (parsed is not null && parsed.TryGetValue("v", out var v) && v is not null)
            {
                value = v;
            }
        }
        catch (TomlException)
        {
            // not a TOML literal: keep the raw text as a string
        }

        var table = root;
        for (var i = 0; i < path.Length - 1; i++)
        {
            var key = path[i].Trim();
            if (!table.TryGetValue(key, out var next) || next is not TomlTable nextTable)
            {
                nextTable = new TomlTable();
                table[key] = nextTable;
            }
            table = nextTable;
        }
        table[path[^1].Trim()] = value;
    }

    private static string FirstLine(string message)
    {
        var nl = message.IndexOf('\n');
        return (nl >= 0 ? message[..nl] : message).Trim();
    }
}

[TomlSerializable(typeof(TomlTable))]
internal sealed partial class ConfigTomlContext : TomlSerializerContext
{
}
