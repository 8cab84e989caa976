// Source-generated JSON for `zwarm agents` (kept apart from CliJsonContext so the verb stays in its own files).
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Zwarm.Cli.Agents;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(List<AgentView>))]
[JsonSerializable(typeof(InstallView))]
[JsonSerializable(typeof(UseLocalView))]
internal sealed partial class AgentsJsonContext : JsonSerializerContext
{
    public static AgentsJsonContext Output { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
