// Source-generated JSON for everything the CLI prints with --json (snake_case, indented, raw UTF-8).
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Zwarm.Core.Events;
using Zwarm.Core.Sessions;
using Zwarm.Orchestration.Instances;

namespace Zwarm.Cli.Rendering;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(SessionMeta))]
[JsonSerializable(typeof(TrajectoryStep))]
[JsonSerializable(typeof(ListView))]
[JsonSerializable(typeof(SpawnView))]
[JsonSerializable(typeof(PeekView))]
[JsonSerializable(typeof(TurnUsage))]
[JsonSerializable(typeof(List<SessionChangeView>))]
[JsonSerializable(typeof(WaitView))]
[JsonSerializable(typeof(Zwarm.Core.Health.HealthReport))]
[JsonSerializable(typeof(List<ModelView>))]
[JsonSerializable(typeof(OrchestrateView))]
[JsonSerializable(typeof(List<InstanceView>))]
[JsonSerializable(typeof(StatusView))]
[JsonSerializable(typeof(List<JsonElement>))]
[JsonSerializable(typeof(Zwarm.Core.Workspaces.SessionDiff))]
[JsonSerializable(typeof(Zwarm.Core.Workspaces.MergeOutcome))]
[JsonSerializable(typeof(Zwarm.Core.Workspaces.ApplyOutcome))]
[JsonSerializable(typeof(Zwarm.Core.Workspaces.PushOutcome))]
[JsonSerializable(typeof(ResolveView))]
[JsonSerializable(typeof(GroupSpawnView))]
[JsonSerializable(typeof(CompareView))]
[JsonSerializable(typeof(List<Zwarm.Core.Workspaces.WorktreeView>))]
internal sealed partial class CliJsonContext : JsonSerializerContext
{
    public static CliJsonContext Output { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter<SessionStatus>() },
    });

    /// <summary>One JSON object per line (for streams such as `logs --json`).</summary>
    public static CliJsonContext Lines { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}

internal sealed record ListView(IReadOnlyList<SessionSummary> Sessions, IReadOnlyList<SessionProblem> Problems);

internal sealed record SpawnView(string Id, string Status, string Adapter, string Model, string WorkingDir, string Sandbox,
    SessionMeta? Session);

internal sealed record PeekView(string Id, string Status, int Turn, string Task, string? LastMessage, string? Error,
    long InputTokens, long OutputTokens, decimal? CostUsd, string Age);

internal sealed record SessionChangeView(string Id, string Status, string? Outcome);

internal sealed record WaitView(bool TimedOut, IReadOnlyList<SessionSummary> Sessions);

internal sealed record ModelView(string Model, IReadOnlyList<string> Aliases, decimal Input, decimal CachedInput,
    decimal CacheWrite, decimal Output);

internal sealed record GroupSpawnView(string Group, IReadOnlyList<SpawnView> Sessions);

internal sealed record CompareView(string Group, IReadOnlyList<SessionSummary> Attempts);

internal sealed record ResolveView(string Id, string Into, IReadOnlyList<string> Files, string Status, int Turn);
