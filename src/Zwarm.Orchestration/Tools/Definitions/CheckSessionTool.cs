// check_session: everything about a session, including the full last reply; reading it clears "needs attention".
using System.ComponentModel;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Zwarm.Core.Sessions;

namespace Zwarm.Orchestration.Tools;

internal sealed partial class CheckSessionTool : SessionTool<CheckSessionTool.Arguments>
{
    public sealed record Arguments
    {
        [Description("Session id (or a unique prefix of it).")]
        public required string Id { get; init; }
    }

    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
    [JsonSerializable(typeof(Arguments))]
    internal sealed partial class CheckSessionJson : JsonSerializerContext;

    public override string Name => ToolNames.CheckSession;

    public override ToolKind Kind => ToolKind.Inspect;

    protected override JsonTypeInfo<Arguments> ArgumentsType => CheckSessionJson.Default.Arguments;

    public override string Describe(SessionToolOptions options) =>
        "Full status of a session: status, the complete last reply, turns, tokens, cost, errors, files changed and commands run in the latest turn.";

    protected override async Task<ToolOutcome> RunAsync(SessionTools tools, Arguments args, CancellationToken cancellationToken)
    {
        var meta = await tools.Sessions.GetAsync(args.Id, cancellationToken).ConfigureAwait(false);
        var report = tools.Report(meta);
        tools.MarkSeen(meta);
        var summary = $"{SessionTools.ShortId(meta.Id)} {meta.Status.ToName()} turn {meta.Turn}" +
            (report.LastReply is { } r ? $": {SessionTools.Short(r.ReplaceLineEndings(" "), 100)}" : "");
        return new ToolOutcome(SessionTools.Serialize(report, ToolJsonContext.Compact.SessionReport), false, summary) { SessionIds = [meta.Id] };
    }
}
