// end_session: stop a session of ours (its work so far is kept), optionally deleting its record.
using System.ComponentModel;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Zwarm.Core.Processes;
using Zwarm.Core.Sessions;

namespace Zwarm.Orchestration.Tools;

internal sealed partial class EndSessionTool : SessionTool<EndSessionTool.Arguments>
{
    public sealed record Arguments
    {
        [Description("Session id (or a unique prefix of it).")]
        public required string Id { get; init; }

        [Description("Why (recorded in the log).")]
        public string? Reason { get; init; }

        [Description("Also delete the session's record (default false).")]
        public bool? Delete { get; init; }
    }

    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
    [JsonSerializable(typeof(Arguments))]
    internal sealed partial class EndSessionJson : JsonSerializerContext;

    public override string Name => ToolNames.EndSession;

    public override ToolKind Kind => ToolKind.Act;

    protected override JsonTypeInfo<Arguments> ArgumentsType => EndSessionJson.Default.Arguments;

    public override string Describe(SessionToolOptions options) =>
        "End a session: stop it if it is running (its work so far is kept); with delete=true also remove its record.";

    protected override async Task<ToolOutcome> RunAsync(SessionTools tools, Arguments args, CancellationToken cancellationToken)
    {
        var sessions = tools.Sessions;
        var meta = await sessions.GetAsync(args.Id, cancellationToken).ConfigureAwait(false);
        tools.RequireOwn(meta);
        var delete = args.Delete ?? false;
        var outcome = "already stopped";
        if (!meta.Status.IsStopped())
        {
            var kill = await sessions.KillAsync(meta.Id, cancellationToken).ConfigureAwait(false);
            meta = kill.Session;
            outcome = kill.Outcome switch
            {
                KillOutcome.Interrupted => "stopped (interrupted)",
                KillOutcome.Terminated => "stopped (terminated)",
                KillOutcome.Killed => "stopped (killed)",
                KillOutcome.Finished => "finished on its own",
                KillOutcome.Refused => kill.Note ?? "not signalled",
                _ => "already stopped",
            };
        }
        if (delete)
        {
            await sessions.RemoveAsync(meta.Id, force: true, cancellationToken).ConfigureAwait(false);
        }
        tools.MarkEnded(meta);
        var result = new EndResult(meta.Id, meta.Status.ToName(), outcome, delete, args.Reason);
        return new ToolOutcome(SessionTools.Serialize(result, ToolJsonContext.Compact.EndResult), false,
            $"{SessionTools.ShortId(meta.Id)} {outcome}{(delete ? ", deleted" : "")}")
        {
            SessionIds = [meta.Id],
        };
    }
}
