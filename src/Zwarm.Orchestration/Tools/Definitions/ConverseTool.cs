// converse: a follow-up message to a stopped session of ours (the agent keeps its context).
using System.ComponentModel;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Zwarm.Core.Sessions;

namespace Zwarm.Orchestration.Tools;

internal sealed partial class ConverseTool : SessionTool<ConverseTool.Arguments>
{
    public sealed record Arguments
    {
        [Description("Session id (or a unique prefix of it).")]
        public required string SessionId { get; init; }

        [Description("What the agent should do next.")]
        public required string Message { get; init; }
    }

    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
    [JsonSerializable(typeof(Arguments))]
    internal sealed partial class ConverseJson : JsonSerializerContext;

    public override string Name => ToolNames.Converse;

    public override ToolKind Kind => ToolKind.Act;

    protected override JsonTypeInfo<Arguments> ArgumentsType => ConverseJson.Default.Arguments;

    public override string Describe(SessionToolOptions options) =>
        "Send a follow-up message to a stopped session (its turn has ended): a correction, a next step, a question. " +
        "The agent keeps its full context. Returns at once; the new turn runs in the background.";

    protected override async Task<ToolOutcome> RunAsync(SessionTools tools, Arguments args, CancellationToken cancellationToken)
    {
        var sessions = tools.Sessions;
        var current = await sessions.GetAsync(args.SessionId, cancellationToken).ConfigureAwait(false);
        tools.RequireOwn(current);
        if (!current.Status.IsStopped())
        {
            return SessionTools.Error($"session {SessionTools.ShortId(current.Id)} is still {current.Status.ToName()} (turn {current.Turn})",
                "wait_for_sessions until it stops before sending the next message (or end_session it)");
        }
        return await tools.AdmitAsync("wait_for_sessions until one stops, then continue this one", async _ =>
        {
            var meta = await sessions.ContinueAsync(current.Id, args.Message, cancellationToken).ConfigureAwait(false);
            var result = new ConverseResult(meta.Id, meta.Turn, meta.Status.ToName(),
                "The agent is working on your message in the background; wait_for_sessions to be woken when it replies.");
            return new ToolOutcome(SessionTools.Serialize(result, ToolJsonContext.Compact.ConverseResult), false,
                $"session {SessionTools.ShortId(meta.Id)} turn {meta.Turn} started")
            {
                SessionIds = [meta.Id],
            };
        }, cancellationToken).ConfigureAwait(false);
    }
}
