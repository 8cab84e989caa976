// peek_session: a quick look (the start of the last reply, or what the agent is doing now).
using System.ComponentModel;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Zwarm.Core.Events;
using Zwarm.Core.Sessions;

namespace Zwarm.Orchestration.Tools;

internal sealed partial class PeekSessionTool : SessionTool<PeekSessionTool.Arguments>
{
    public sealed record Arguments
    {
        [Description("Session id (or a unique prefix of it).")]
        public required string Id { get; init; }
    }

    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
    [JsonSerializable(typeof(Arguments))]
    internal sealed partial class PeekSessionJson : JsonSerializerContext;

    public override string Name => ToolNames.PeekSession;

    public override ToolKind Kind => ToolKind.Inspect;

    protected override JsonTypeInfo<Arguments> ArgumentsType => PeekSessionJson.Default.Arguments;

    public override string Describe(SessionToolOptions options) =>
        "Quick look at a session: status and the start of its latest reply, or what it is doing right now.";

    protected override async Task<ToolOutcome> RunAsync(SessionTools tools, Arguments args, CancellationToken cancellationToken)
    {
        var sessions = tools.Sessions;
        var meta = await sessions.GetAsync(args.Id, cancellationToken).ConfigureAwait(false);
        string? preview = null;
        string? activity = null;
        if (meta.Status.IsStopped())
        {
            preview = SessionTools.Short(sessions.DigestTurn(meta, meta.Turn).LastMessage, 500);
        }
        else
        {
            TrajectoryStep? latest = null;
            foreach (var e in sessions.ReadTurnEvents(meta, meta.Turn))
            {
                latest = Trajectory.ToStep(e, meta.Turn, 300) ?? latest;
            }
            activity = SessionTools.Describe(latest) ?? "starting";
        }
        var result = new PeekResult(meta.Id, meta.Status.ToName(), meta.Turn, preview, activity, SessionTools.Short(meta.Error, 500), meta.UpdatedAt);
        return new ToolOutcome(SessionTools.Serialize(result, ToolJsonContext.Compact.PeekResult), false,
            $"{SessionTools.ShortId(meta.Id)} {meta.Status.ToName()}: {SessionTools.Short((preview ?? activity ?? "").ReplaceLineEndings(" "), 100)}")
        {
            SessionIds = [meta.Id],
        };
    }
}
