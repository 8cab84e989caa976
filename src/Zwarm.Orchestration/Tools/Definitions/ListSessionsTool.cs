// list_sessions: own (or all) sessions with status and what needs attention.
using System.ComponentModel;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Zwarm.Core.Sessions;

namespace Zwarm.Orchestration.Tools;

internal sealed partial class ListSessionsTool : SessionTool<ListSessionsTool.Arguments>
{
    public sealed record Arguments
    {
        [Description("Only sessions with this status.")]
        public string? Status { get; init; }

        [Description("Include sessions not started by you (default false).")]
        public bool? All { get; init; }
    }

    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
    [JsonSerializable(typeof(Arguments))]
    internal sealed partial class ListSessionsJson : JsonSerializerContext;

    public override string Name => ToolNames.ListSessions;

    public override ToolKind Kind => ToolKind.Inspect;

    protected override JsonTypeInfo<Arguments> ArgumentsType => ListSessionsJson.Default.Arguments;

    public override string Describe(SessionToolOptions options) =>
        "List your sessions with their status, and which need your attention (finished or failed turns you have not read with check_session).";

    protected override void Shape(JsonObject schema, SessionTools tools) =>
        Enum(schema, "status", ["pending", "running", "completed", "failed", "killed"]);

    protected override async Task<ToolOutcome> RunAsync(SessionTools tools, Arguments args, CancellationToken cancellationToken)
    {
        SessionStatus? status = null;
        if (args.Status is { } statusName)
        {
            status = SessionStatusExtensions.TryParse(statusName, out var s)
                ? s
                : throw new ToolArgumentException("status must be one of pending, running, completed, failed, killed");
        }
        var all = args.All ?? false;
        var listing = await tools.Sessions.ListAsync(cancellationToken, status).ConfigureAwait(false);
        var rows = listing.Sessions.Where(s => all || tools.IsOwn(s.Source)).Select(tools.Row).ToList();
        var counts = rows.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count());
        var attention = rows.Where(r => r.NeedsAttention).Select(r => r.Id).ToList();
        var result = new ListResult(rows, counts, attention, all ? "all" : "own", tools.Options.MaxRunningSessions);
        return new ToolOutcome(SessionTools.Serialize(result, ToolJsonContext.Compact.ListResult), false,
            $"{rows.Count} sessions" + (counts.Count > 0 ? $" ({string.Join(", ", counts.Select(c => $"{c.Value} {c.Key}"))})" : "") +
            (attention.Count > 0 ? $", {attention.Count} need attention" : ""));
    }
}
