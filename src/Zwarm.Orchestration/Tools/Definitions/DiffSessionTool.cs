// diff_session: what an isolated session changed against its base (uncommitted work of a running one included),
// read without touching the session's worktree, index or refs.
using System.ComponentModel;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Zwarm.Core.Workspaces;

namespace Zwarm.Orchestration.Tools;

internal sealed partial class DiffSessionTool : SessionTool<DiffSessionTool.Arguments>
{
    /// <summary>Patches longer than this are cut (the model can ask for stat_only, then look at fewer files).</summary>
    private const int PatchLimit = 20_000;

    public sealed record Arguments
    {
        [Description("Session id (or a unique prefix of it).")]
        public required string Id { get; init; }

        [Description("Only the changed files with their added/removed line counts, no patches (default false).")]
        public bool? StatOnly { get; init; }
    }

    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
    [JsonSerializable(typeof(Arguments))]
    internal sealed partial class DiffSessionJson : JsonSerializerContext;

    public override string Name => ToolNames.DiffSession;

    public override ToolKind Kind => ToolKind.Inspect;

    protected override JsonTypeInfo<Arguments> ArgumentsType => DiffSessionJson.Default.Arguments;

    public override string Describe(SessionToolOptions options) =>
        "Show what an isolated session (one delegated with its own git worktree) changed against the commit it started " +
        "from: each file with its status and added/removed lines, and the patches unless stat_only. Review it before merge_session.";

    protected override async Task<ToolOutcome> RunAsync(SessionTools tools, Arguments args, CancellationToken cancellationToken)
    {
        var meta = await tools.Sessions.GetAsync(args.Id, cancellationToken).ConfigureAwait(false);
        tools.RequireOwn(meta);
        var diff = await new WorkspaceService(tools.Sessions).DiffAsync(new DiffRequest(meta.Id, Format: DiffFormat.Files), cancellationToken)
            .ConfigureAwait(false);
        var statOnly = args.StatOnly ?? false;
        var budget = PatchLimit;
        var files = diff.Files.Select(f =>
        {
            string? patch = null;
            if (!statOnly)
            {
                patch = f.Patch.Length <= budget ? f.Patch : f.Patch[..Math.Max(0, budget)] + "\n[... cut: ask with stat_only and review fewer files]";
                budget = Math.Max(0, budget - f.Patch.Length);
            }
            return new DiffFileResult(f.Path, f.Status, f.Added, f.Removed, patch);
        }).ToList();
        var result = new DiffSessionResult(meta.Id, diff.Branch, diff.From, diff.IncludesUncommitted, files.Sum(f => f.Added),
            files.Sum(f => f.Removed), files, diff.Note);
        return new ToolOutcome(SessionTools.Serialize(result, ToolJsonContext.Compact.DiffSessionResult), false,
            $"{SessionTools.ShortId(meta.Id)}: {files.Count} file(s) +{result.Added} -{result.Removed}")
        {
            SessionIds = [meta.Id],
        };
    }
}
