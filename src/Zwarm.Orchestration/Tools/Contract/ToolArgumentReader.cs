// Reads a tool call's arguments (as the SDKs hand them over: JsonElement values, sometimes plain CLR values) into the
// tool's typed argument record. Models are sloppy, so each property is first coerced by its declared type: numbers
// and booleans may come as strings, a single id where a list is expected, a number where a string is. Blank optional
// strings count as absent. Every failure is one ToolArgumentException naming the argument, the same in every face.
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace Zwarm.Orchestration.Tools;

internal static class ToolArgumentReader
{
    public static T Read<T>(IDictionary<string, object?>? arguments, JsonTypeInfo<T> type)
    {
        var input = new JsonObject();
        foreach (var (name, value) in arguments ?? new Dictionary<string, object?>())
        {
            input[name] = ToNode(value);
        }
        var output = new JsonObject();
        foreach (var property in type.Properties)
        {
            var value = Coerce(property, input[property.Name]);
            if (value is null)
            {
                if (property.IsRequired)
                {
                    throw new ToolArgumentException($"'{property.Name}' is required ({Expected(property.PropertyType, required: true)})");
                }
                continue;
            }
            output[property.Name] = value;
        }
        try
        {
            return output.Deserialize(type) ?? throw new ToolArgumentException("the arguments must be a JSON object");
        }
        catch (JsonException e)
        {
            var property = type.Properties.FirstOrDefault(p => e.Path?.StartsWith("$." + p.Name, StringComparison.Ordinal) == true);
            throw new ToolArgumentException(property is null
                ? $"could not read the arguments: {e.Message}"
                : $"'{property.Name}' must be {Expected(property.PropertyType, required: false)}");
        }
    }

    private static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
        JsonElement e => JsonNode.Parse(e.GetRawText()),
        JsonNode n => n.DeepClone(),
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        double d => JsonValue.Create(d),
        float f => JsonValue.Create(f),
        decimal m => JsonValue.Create(m),
        IEnumerable<string> strings => new JsonArray([.. strings.Select(s => (JsonNode?)JsonValue.Create(s))]),
        _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };

    /// <summary>The value in the shape the property's type needs, null for absent, or a ToolArgumentException.</summary>
    private static JsonNode? Coerce(JsonPropertyInfo property, JsonNode? value)
    {
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        var name = property.Name;
        if (value is null)
        {
            return null;
        }
        var kind = value.GetValueKind();
        if (type == typeof(string))
        {
            var text = kind switch
            {
                JsonValueKind.String => value.GetValue<string>(),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.ToJsonString(),
                _ => throw new ToolArgumentException($"'{name}' must be a string"),
            };
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }
            return JsonValue.Create(property.IsRequired ? text : text.Trim());
        }
        if (type == typeof(bool))
        {
            return kind switch
            {
                JsonValueKind.True or JsonValueKind.False => value.DeepClone(),
                JsonValueKind.String when bool.TryParse(value.GetValue<string>(), out var parsed) => JsonValue.Create(parsed),
                _ => throw new ToolArgumentException($"'{name}' must be true or false"),
            };
        }
        if (type == typeof(double) || type == typeof(int))
        {
            double number = kind switch
            {
                JsonValueKind.Number => value.GetValue<double>(),
                JsonValueKind.String when double.TryParse(value.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
                _ => throw new ToolArgumentException($"'{name}' must be a number"),
            };
            if (double.IsNaN(number) || double.IsInfinity(number))
            {
                throw new ToolArgumentException($"'{name}' must be a finite number");
            }
            if (type == typeof(int))
            {
                return number == Math.Floor(number) && number is >= int.MinValue and <= int.MaxValue
                    ? JsonValue.Create((int)number)
                    : throw new ToolArgumentException($"'{name}' must be a whole number");
            }
            return JsonValue.Create(number);
        }
        if (type == typeof(IReadOnlyList<string>))
        {
            return kind switch
            {
                // A single id where a list was expected: take it as a list of one.
                JsonValueKind.String => new JsonArray(JsonValue.Create(value.GetValue<string>())),
                JsonValueKind.Array when value.AsArray().All(i => i?.GetValueKind() == JsonValueKind.String) => value.DeepClone(),
                _ => throw new ToolArgumentException($"'{name}' must be a list of strings"),
            };
        }
        return value.DeepClone();
    }

    private static string Expected(Type type, bool required)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type == typeof(string) ? (required ? "a non-empty string" : "a string")
            : type == typeof(bool) ? "true or false"
            : type == typeof(double) ? "a number"
            : type == typeof(int) ? "a whole number"
            : type == typeof(IReadOnlyList<string>) ? "a list of strings"
            : "a value of the documented shape";
    }
}
