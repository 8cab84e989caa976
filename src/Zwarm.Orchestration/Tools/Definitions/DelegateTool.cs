// delegate: start a new agent session on a sub-task, inside the allowed directories, under the running-session cap
// and the sandbox ceiling.
using System.ComponentModel;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Zwarm.Core.Agents;
using Zwarm.Core.Config;
using Zwarm.Core.Sessions;

namespace Zwarm.Orchestration.Tools;

internal sealed partial class DelegateTool : SessionTool<DelegateTool.Arguments>
{
    public sealed record Arguments
    {
        [Description("The complete sub-task specification for the agent.")]
        public required string Task { get; init; }

        [Description("Which agent CLI runs it (default from config).")]
        public string? Adapter { get; init; }

        [Description("Model for the agent (default from config or the CLI's own).")]
        public string? Model { get; init; }

        [Description("Directory the agent works in (default: the project directory). Must be inside the allowed directories.")]
        public string? WorkingDir { get; init; }

        [Description("File-system access of the agent (default from config).")]
        public string? Sandbox { get; init; }

        [Description("none: work in the directory itself; worktree: a new git worktree and branch of its own (review it with diff_session, then merge_session or discard_session); auto (the usual default): worktree when the directory is in a git repository with a commit.")]
        public string? Isolation { get; init; }
    }

    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
    [JsonSerializable(typeof(Arguments))]
    internal sealed partial class DelegateJson : JsonSerializerContext;

    public override string Name => ToolNames.Delegate;

    public override ToolKind Kind => ToolKind.Act;

    protected override JsonTypeInfo<Arguments> ArgumentsType => DelegateJson.Default.Arguments;

    public override string Describe(SessionToolOptions options) =>
        "Start a new coding-agent session on a sub-task. Returns at once with the session id; the agent works in the " +
        "background. Write the task as a complete spec: goal, relevant files, constraints, and acceptance criteria " +
        "(e.g. which tests must pass). The agent sees nothing of this conversation.";

    protected override void Shape(JsonObject schema, SessionTools tools)
    {
        Enum(schema, "adapter", tools.Sessions.Agents.Names);
        var ceiling = tools.Options.MaxSandbox ?? SandboxMode.DangerFullAccess;
        Enum(schema, "sandbox", SandboxModes.Names.Where(n => SandboxModes.TryParse(n, out var m) && m <= ceiling));
        Enum(schema, "isolation", ["none", "worktree", "auto"]);
    }

    protected override async Task<ToolOutcome> RunAsync(SessionTools tools, Arguments args, CancellationToken cancellationToken)
    {
        var sessions = tools.Sessions;
        if (args.Adapter is not null && !sessions.Agents.TryGet(args.Adapter, out _))
        {
            throw new ToolArgumentException(sessions.Agents.UnknownMessage(args.Adapter));
        }
        var sandbox = tools.SandboxWithinCeiling(args.Sandbox);
        var isolation = args.Isolation switch
        {
            null => tools.Options.Isolation,
            "none" => IsolationMode.None,
            "worktree" => IsolationMode.Worktree,
            "auto" => IsolationMode.Auto,
            _ => throw new ToolArgumentException("isolation must be none, worktree or auto"),
        };
        var directory = tools.Directories.Resolve(args.WorkingDir, tools.Options.WorkingDirectory);
        var options = tools.Options;
        return await tools.AdmitAsync("wait_for_sessions until one stops, or end_session one you no longer need, then delegate again",
            async running =>
            {
                var meta = await sessions.StartAsync(new StartRequest(args.Task, args.Adapter, args.Model, directory, sandbox, options.Source, isolation),
                    cancellationToken).ConfigureAwait(false);
                var result = new DelegateResult(meta.Id, meta.Status.ToName(), meta.Adapter, string.IsNullOrEmpty(meta.Model) ? null : meta.Model,
                    meta.WorkingDir, meta.Sandbox ?? "", running + 1, options.MaxRunningSessions,
                    "The agent works in the background. Delegate other independent work now, or wait_for_sessions to be woken when it finishes.");
                return new ToolOutcome(SessionTools.Serialize(result, ToolJsonContext.Compact.DelegateResult), false,
                    $"started {meta.Adapter} session {SessionTools.ShortId(meta.Id)} in {meta.WorkingDir}")
                {
                    SessionIds = [meta.Id],
                };
            }, cancellationToken).ConfigureAwait(false);
    }
}
