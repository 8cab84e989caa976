// Typed reads of a tool call's arguments as the SDKs hand them over (JsonElement values, sometimes plain CLR values).
// Models are sloppy: numbers may come as strings, booleans as "true"; both are accepted.
using System.Globalization;
using System.Text.Json;

namespace Zwarm.Orchestration.Tools;

internal sealed class ToolArguments(IDictionary<string, object?>? arguments)
{
    private readonly IDictionary<string, object?> _arguments = arguments ?? new Dictionary<string, object?>();

    public string RequiredString(string name) =>
        OptionalString(name) is { Length: > 0 } value && !string.IsNullOrWhiteSpace(value)
            ? value
            : throw new ToolArgumentException($"'{name}' is required (a non-empty string)");

    public string? OptionalString(string name)
    {
        if (!_arguments.TryGetValue(name, out var value) || value is null)
        {
            return null;
        }
        return value switch
        {
            string s => s,
            JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
            JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
            JsonElement { ValueKind: JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False } e => e.GetRawText(),
            JsonElement => throw new ToolArgumentException($"'{name}' must be a string"),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture),
        };
    }

    /// <summary>An optional string that is treated as absent when empty or whitespace.</summary>
    public string? OptionalText(string name) => OptionalString(name) is { } s && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null;

    public bool? OptionalBool(string name)
    {
        if (!_arguments.TryGetValue(name, out var value) || value is null)
        {
            return null;
        }
        return value switch
        {
            bool b => b,
            JsonElement { ValueKind: JsonValueKind.True } => true,
            JsonElement { ValueKind: JsonValueKind.False } => false,
            JsonElement { ValueKind: JsonValueKind.Null } => null,
            JsonElement { ValueKind: JsonValueKind.String } e when bool.TryParse(e.GetString(), out var parsed) => parsed,
            string s when bool.TryParse(s, out var parsed) => parsed,
            _ => throw new ToolArgumentException($"'{name}' must be true or false"),
        };
    }

    public double? OptionalNumber(string name)
    {
        if (!_arguments.TryGetValue(name, out var value) || value is null)
        {
            return null;
        }
        double? number = value switch
        {
            JsonElement { ValueKind: JsonValueKind.Number } e => e.GetDouble(),
            JsonElement { ValueKind: JsonValueKind.Null } => null,
            JsonElement { ValueKind: JsonValueKind.String } e when double.TryParse(e.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
            string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
            int i => i,
            long l => l,
            double d => d,
            float f => f,
            decimal m => (double)m,
            _ => throw new ToolArgumentException($"'{name}' must be a number"),
        };
        if (number is { } n && (double.IsNaN(n) || double.IsInfinity(n)))
        {
            throw new ToolArgumentException($"'{name}' must be a finite number");
        }
        return number;
    }

    public IReadOnlyList<string>? OptionalStringList(string name)
    {
        if (!_arguments.TryGetValue(name, out var value) || value is null)
        {
            return null;
        }
        switch (value)
        {
            case JsonElement { ValueKind: JsonValueKind.Null }:
                return null;
            case JsonElement { ValueKind: JsonValueKind.Array } array:
                var list = new List<string>();
                foreach (var item in array.EnumerateArray())
                {
                    list.Add(item.ValueKind == JsonValueKind.String
                        ? item.GetString()!
                        : throw new ToolArgumentException($"'{name}' must be a list of strings"));
                }
                return list;
            case JsonElement { ValueKind: JsonValueKind.String } single:
                // A single id where a list was expected: take it as a list of one.
                return [single.GetString()!];
            case string s:
                return [s];
            case IEnumerable<string> strings:
                return [.. strings];
            default:
                throw new ToolArgumentException($"'{name}' must be a list of strings");
        }
    }
}
