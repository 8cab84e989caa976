// Lenient property access on JsonElement: a missing property or one of an unexpected kind reads as absent, never throws.
using System.Text.Json;

namespace Zwarm.Core.Agents.Claude;

internal static class JsonElementExtensions
{
    public static JsonElement? Prop(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : null;

    public static string? Str(this JsonElement element, string name) =>
        element.Prop(name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    public static bool Flag(this JsonElement element, string name) =>
        element.Prop(name) is { ValueKind: JsonValueKind.True };

    public static long Long(this JsonElement element, string name) =>
        element.Prop(name) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt64(out var number) ? number : 0;

    public static decimal? Decimal(this JsonElement element, string name) =>
        element.Prop(name) is { ValueKind: JsonValueKind.Number } value && value.TryGetDecimal(out var number)
            ? number
            : null;

    public static JsonElement? Obj(this JsonElement element, string name) =>
        element.Prop(name) is { ValueKind: JsonValueKind.Object } value ? value : null;

    public static JsonElement? Arr(this JsonElement element, string name) =>
        element.Prop(name) is { ValueKind: JsonValueKind.Array } value ? value : null;
}
