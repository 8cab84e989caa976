// The JSON schema of a tool's arguments, generated from the source-generated metadata of its argument record
// (AIJsonUtilities over JsonSchemaExporter: AOT-safe, [Description]s become descriptions). Optional arguments are
// plain types (the model omits them rather than sending null) and unknown properties are disallowed.
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.AI;

namespace Zwarm.Orchestration.Tools;

internal static class ToolSchema
{
    private static readonly AIJsonSchemaCreateOptions Options = new()
    {
        TransformOptions = new AIJsonSchemaTransformOptions { DisallowAdditionalProperties = true },
        TransformSchemaNode = (_, node) => DropNull(node),
    };

    public static JsonObject For(JsonTypeInfo type)
    {
        var element = AIJsonUtilities.CreateJsonSchema(type.Type, serializerOptions: type.Options, inferenceOptions: Options);
        return JsonNode.Parse(element.GetRawText())!.AsObject();
    }

    /// <summary>["string","null"] -> "string": absent, not null, is how an optional argument is left out.</summary>
    private static JsonNode DropNull(JsonNode node)
    {
        if (node is JsonObject obj && obj["type"] is JsonArray types && types.Count == 2
            && types.FirstOrDefault(t => t?.GetValue<string>() != "null") is { } single)
        {
            obj["type"] = single.GetValue<string>();
        }
        return node;
    }
}
