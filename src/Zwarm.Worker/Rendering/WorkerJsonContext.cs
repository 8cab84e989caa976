using System.Text.Json.Serialization;
using Zwarm.Cluster.Workers;

namespace Zwarm.Worker.Rendering;

/// <summary>`workers --json`: snake_case like every zwarm JSON output; source-generated.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(IReadOnlyList<WorkerRow>))]
internal sealed partial class WorkerJsonContext : JsonSerializerContext;
