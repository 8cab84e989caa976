// get_trajectory: the step-by-step record of a session, the latest steps kept within a size cap.
using System.ComponentModel;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Zwarm.Core.Events;
using Zwarm.Core.Sessions;

namespace Zwarm.Orchestration.Tools;

internal sealed partial class GetTrajectoryTool : SessionTool<GetTrajectoryTool.Arguments>
{
    /// <summary>Cap on the characters of one result, so a huge session cannot flood the context.</summary>
    internal const int MaxTrajectoryChars = 60_000;

    public sealed record Arguments
    {
        [Description("Session id (or a unique prefix of it).")]
        public required string Id { get; init; }

        [Description("Do not shorten long outputs (default false).")]
        public bool? Full { get; init; }

        [Description("Only this turn (1-based); default all turns.")]
        public int? Turn { get; init; }
    }

    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
    [JsonSerializable(typeof(Arguments))]
    internal sealed partial class GetTrajectoryJson : JsonSerializerContext;

    public override string Name => ToolNames.GetTrajectory;

    public override ToolKind Kind => ToolKind.Inspect;

    protected override JsonTypeInfo<Arguments> ArgumentsType => GetTrajectoryJson.Default.Arguments;

    public override string Describe(SessionToolOptions options) =>
        "The step-by-step trajectory of a session (messages, reasoning, commands with output and exit codes, file changes, tool calls). " +
        "Long texts are shortened unless full is true.";

    protected override async Task<ToolOutcome> RunAsync(SessionTools tools, Arguments args, CancellationToken cancellationToken)
    {
        var meta = await tools.Sessions.GetAsync(args.Id, cancellationToken).ConfigureAwait(false);
        var full = args.Full ?? false;
        var turns = Enumerable.Range(1, Math.Max(1, meta.Turn)).ToList();
        if (args.Turn is { } n)
        {
            if (n < 1 || n > meta.Turn)
            {
                throw new ToolArgumentException($"turn must be between 1 and {meta.Turn}");
            }
            turns = [n];
        }
        var steps = Steps(tools.Sessions, meta, turns, full);
        // Keep the latest steps within the size cap; the model is told how many were left out.
        var kept = new List<TrajectoryStep>();
        var size = 0;
        for (var i = steps.Count - 1; i >= 0; i--)
        {
            var stepSize = SessionTools.Serialize(steps[i], ToolJsonContext.Compact.TrajectoryStep).Length;
            if (size + stepSize > MaxTrajectoryChars && kept.Count > 0)
            {
                break;
            }
            size += stepSize;
            kept.Add(steps[i]);
        }
        kept.Reverse();
        var result = new TrajectoryResult(meta.Id, meta.Status.ToName(), meta.Turn, kept, steps.Count - kept.Count, full);
        return new ToolOutcome(SessionTools.Serialize(result, ToolJsonContext.Compact.TrajectoryResult), false,
            $"{kept.Count} steps of {SessionTools.ShortId(meta.Id)}" + (steps.Count > kept.Count ? $" ({steps.Count - kept.Count} earlier omitted)" : ""))
        {
            SessionIds = [meta.Id],
        };
    }

    /// <summary>The steps of <paramref name="turns"/>; a finished command appears once, with its result.</summary>
    internal static List<TrajectoryStep> Steps(SessionService sessions, SessionMeta meta, IEnumerable<int> turns, bool full)
    {
        var steps = new List<TrajectoryStep>();
        foreach (var n in turns)
        {
            foreach (var e in sessions.ReadTurnEvents(meta, n))
            {
                if (e is CommandStarted && (n < meta.Turn || meta.Status.IsStopped()))
                {
                    continue;
                }
                if (Trajectory.ToStep(e, n, full ? null : Trajectory.DefaultMaxText) is { } step && step.Kind != "usage")
                {
                    steps.Add(step);
                }
            }
        }
        return steps;
    }
}
