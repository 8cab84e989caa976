// discard_session: throw an isolated session's work away: stop it, remove its worktree, branch and record (the
// all-or-nothing SessionRemoval, with its unmerged work discarded: that is what this tool is for).
using System.ComponentModel;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Zwarm.Core.Sessions;

namespace Zwarm.Orchestration.Tools;

internal sealed partial class DiscardSessionTool : SessionTool<DiscardSessionTool.Arguments>
{
    public sealed record Arguments
    {
        [Description("Session id (or a unique prefix of it).")]
        public required string Id { get; init; }
    }

    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
    [JsonSerializable(typeof(Arguments))]
    internal sealed partial class DiscardSessionJson : JsonSerializerContext;

    public override string Name => ToolNames.DiscardSession;

    public override ToolKind Kind => ToolKind.Act;

    protected override JsonTypeInfo<Arguments> ArgumentsType => DiscardSessionJson.Default.Arguments;

    public override string Describe(SessionToolOptions options) =>
        "Discard a session: stop it if it runs and delete it with its worktree, branch and any unmerged changes. " +
        "Use it for work you will not merge (e.g. the losing attempts when several sessions tried the same task).";

    protected override async Task<ToolOutcome> RunAsync(SessionTools tools, Arguments args, CancellationToken cancellationToken)
    {
        var meta = await tools.Sessions.GetAsync(args.Id, cancellationToken).ConfigureAwait(false);
        tools.RequireOwn(meta);
        var removed = await tools.Sessions.Removal.RemoveAsync([meta.Id], new RemovalOptions(KillRunning: true, RemoveDamaged: true, DiscardWork: true),
            cancellationToken).ConfigureAwait(false);
        tools.MarkEnded(meta);
        var result = new DiscardResult(meta.Id, removed[0].Meta?.Status.ToName() ?? "damaged", meta.Workspace?.Branch, meta.Workspace?.Added ?? 0,
            meta.Workspace?.Removed ?? 0);
        return new ToolOutcome(SessionTools.Serialize(result, ToolJsonContext.Compact.DiscardResult), false,
            $"discarded {SessionTools.ShortId(meta.Id)}" + (meta.Workspace is { } w ? $" ({w.Branch} +{w.Added} -{w.Removed})" : ""))
        {
            SessionIds = [meta.Id],
        };
    }
}
