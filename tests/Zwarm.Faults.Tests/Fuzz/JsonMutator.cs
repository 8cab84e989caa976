// Structured mutations of a JSON document zwarm reads back (meta.json, state.json, an exit record, one line of a
// turn file or of the index): one value somewhere in the tree is replaced by something a reader must survive —
// null, the wrong type, a huge or negative number, a path-like or control-character string, deep nesting — or its
// property is removed. Seeded, so a case number reproduces its input.
using System.Text;
using System.Text.Json.Nodes;

namespace Zwarm.Faults.Tests.Fuzz;

internal static class JsonMutator
{
    private static readonly string[] Strings =
    [
        "", "../../../../etc/passwd", "/etc/passwd", "..", "a/b", "-", "\u001b[2J\u001b]0;owned\u0007", "\0",
        "running", "RUNNING", "killed", "nonsense-status", "00000000-0000-0000-0000-000000000000", "last",
        "9999-99-99T99:99:99", "0001-01-01T00:00:00", "2026-12-07T10:00:00.000000Z", "not a date", "NaN",
    ];

    private static readonly string[] Numbers =
    [
        "0", "-1", "1", "2147483647", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
        "-9223372036854775809", "1e308", "-1e308", "1.5", "-0", "79228162514264337593543950336", "1e-400",
    ];

    private static readonly System.Text.Json.JsonSerializerOptions Deep = new() { MaxDepth = 2000 };

    /// <summary>Returns <paramref name="json"/> with one mutation applied, and what it was; null when it does not parse.</summary>
    public static (byte[] Bytes, string What)? Mutate(byte[] json, Random random)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
        if (root is null)
        {
            return null;
        }
        var slots = new List<(JsonNode Parent, string? Name, int Index, string Path)>();
        Collect(root, "$", slots);
        if (slots.Count == 0)
        {
            return null;
        }
        var (parent, name, index, path) = slots[random.Next(slots.Count)];
        var (value, what) = NewValue(random);
        if (what == "removed" && parent is JsonObject removeFrom)
        {
            removeFrom.Remove(name!);
        }
        else if (parent is JsonObject obj)
        {
            obj[name!] = value;
        }
        else
        {
            ((JsonArray)parent)[index] = value;
        }
        var text = root.ToJsonString(Deep);
        return (Encoding.UTF8.GetBytes(text), $"{path} := {what}");
    }

    /// <summary>Every property and array element of the tree, with its parent (the root itself is not a slot).</summary>
    private static void Collect(JsonNode node, string path, List<(JsonNode, string?, int, string)> slots)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    slots.Add((obj, key, -1, $"{path}.{key}"));
                    if (child is not null)
                    {
                        Collect(child, $"{path}.{key}", slots);
                    }
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    slots.Add((array, null, i, $"{path}[{i}]"));
                    if (array[i] is { } child)
                    {
                        Collect(child, $"{path}[{i}]", slots);
                    }
                }
                break;
        }
    }

    private static (JsonNode? Value, string What) NewValue(Random random)
    {
        switch (random.Next(10))
        {
            case 0:
                return (null, "null");
            case 1:
                return (null, "removed");
            case 2:
            case 3:
                var n = Numbers[random.Next(Numbers.Length)];
                return (JsonNode.Parse(n), n);
            case 4:
                var s = Strings[random.Next(Strings.Length)];
                return (JsonValue.Create(s), $"\"{s.Replace("\u001b", "\\e")}\"");
            case 5:
                return (random.Next(2) == 0 ? new JsonArray() : new JsonArray(null, JsonValue.Create(1), new JsonObject()), "an array");
            case 6:
                return (new JsonObject { ["x"] = null }, "an object");
            case 7:
                return (JsonValue.Create(random.Next(2) == 0), "a bool");
            case 8:
                var depth = random.Next(2) == 0 ? 60 : 300;
                return (JsonNode.Parse(new string('[', depth) + new string(']', depth), documentOptions: new() { MaxDepth = 1000 }),
                    $"{depth} nested arrays");
            default:
                return (JsonValue.Create(new string('x', random.Next(2) == 0 ? 5_000 : 200_000)), "a long string");
        }
    }
}
