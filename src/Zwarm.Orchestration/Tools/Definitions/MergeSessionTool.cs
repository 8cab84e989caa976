// merge_session: bring an isolated session's branch into the branch checked out where it was started. Refuses,
// changing nothing, while it runs, when that tree has uncommitted changes, or when the merge would conflict.
using System.ComponentModel;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Zwarm.Core;
using Zwarm.Core.Workspaces;

namespace Zwarm.Orchestration.Tools;

internal sealed partial class MergeSessionTool : SessionTool<MergeSessionTool.Arguments>
{
    public sealed record Arguments
    {
        [Description("Session id (or a unique prefix of it).")]
        public required string Id { get; init; }

        [Description("merge (fast-forward when possible, else a merge commit; the default), no_ff, squash or rebase.")]
        public string? Strategy { get; init; }
    }

    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
    [JsonSerializable(typeof(Arguments))]
    internal sealed partial class MergeSessionJson : JsonSerializerContext;

    private static readonly string[] Strategies = ["merge", "no_ff", "squash", "rebase"];

    public override string Name => ToolNames.MergeSession;

    public override ToolKind Kind => ToolKind.Act;

    protected override JsonTypeInfo<Arguments> ArgumentsType => MergeSessionJson.Default.Arguments;

    public override string Describe(SessionToolOptions options) =>
        "Merge a finished isolated session's branch into the branch it was started from. All or nothing: a conflict " +
        "changes nothing and names the files (then converse with the session to rebase and resolve, or discard_session it).";

    protected override void Shape(JsonObject schema, SessionTools tools) => Enum(schema, "strategy", Strategies);

    protected override async Task<ToolOutcome> RunAsync(SessionTools tools, Arguments args, CancellationToken cancellationToken)
    {
        var strategy = args.Strategy switch
        {
            null or "merge" => MergeStrategy.Merge,
            "no_ff" => MergeStrategy.NoFastForward,
            "squash" => MergeStrategy.Squash,
            "rebase" => MergeStrategy.Rebase,
            _ => throw new ToolArgumentException($"strategy must be one of {string.Join(", ", Strategies)}"),
        };
        var meta = await tools.Sessions.GetAsync(args.Id, cancellationToken).ConfigureAwait(false);
        tools.RequireOwn(meta);
        MergeOutcome merged;
        try
        {
            merged = await new WorkspaceService(tools.Sessions).MergeAsync(new MergeRequest(meta.Id, strategy), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (ZwarmException e) when (e.Kind is ErrorKind.Conflict)
        {
            return SessionTools.Error(e.Message, "converse with the session to fix it, or discard_session it");
        }
        var result = new MergeSessionResult(meta.Id, merged.Branch, merged.Into, merged.Strategy, merged.Before, merged.After, merged.AlreadyMerged);
        return new ToolOutcome(SessionTools.Serialize(result, ToolJsonContext.Compact.MergeSessionResult), false,
            merged.AlreadyMerged ? $"{merged.Branch} was already in {merged.Into}" : $"merged {merged.Branch} into {merged.Into}")
        {
            SessionIds = [meta.Id],
        };
    }
}
