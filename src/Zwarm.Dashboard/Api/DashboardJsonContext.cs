// Source-generated JSON (no reflection: Native AOT) for the values the API serializes whole, with the options of
// the CLI's --json (snake_case, raw UTF-8), compact.
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Zwarm.Orchestration.Instances;

namespace Zwarm.Dashboard.Api;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(InstanceView))]
[JsonSerializable(typeof(List<InstanceView>))]
internal sealed partial class DashboardJsonContext : JsonSerializerContext
{
    public static DashboardJsonContext Api { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
