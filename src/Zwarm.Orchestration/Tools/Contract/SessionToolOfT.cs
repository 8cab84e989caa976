// The typed half of a tool: TArguments is a record whose properties (snake_case on the wire, [Description] on each)
// are both the schema the model sees and what the handler receives, read by one lenient reader.
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace Zwarm.Orchestration.Tools;

public abstract class SessionTool<TArguments> : SessionTool
{
    /// <summary>Source-generated metadata of <typeparamref name="TArguments"/> (AOT: no reflection).</summary>
    protected abstract JsonTypeInfo<TArguments> ArgumentsType { get; }

    protected abstract Task<ToolOutcome> RunAsync(SessionTools tools, TArguments arguments, CancellationToken cancellationToken);

    /// <summary>Adds what only the running surface knows to the generated schema (enums, limits).</summary>
    protected virtual void Shape(JsonObject schema, SessionTools tools)
    {
    }

    public sealed override JsonElement Schema(SessionTools tools)
    {
        var schema = ToolSchema.For(ArgumentsType);
        Shape(schema, tools);
        using var document = JsonDocument.Parse(schema.ToJsonString());
        return document.RootElement.Clone();
    }

    internal sealed override Task<ToolOutcome> InvokeAsync(SessionTools tools, IDictionary<string, object?>? arguments,
        CancellationToken cancellationToken) =>
        RunAsync(tools, ToolArgumentReader.Read(arguments, ArgumentsType), cancellationToken);

    /// <summary>Sets an enum on a property of the schema.</summary>
    protected static void Enum(JsonObject schema, string property, IEnumerable<string> values)
    {
        if (schema["properties"]?[property] is JsonObject node)
        {
            node["enum"] = new JsonArray([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);
        }
    }
}
