// sleep: pause an LLM loop on the injected clock, then report running sessions (offered only inside a loop).
using System.ComponentModel;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Zwarm.Core.Sessions;

namespace Zwarm.Orchestration.Tools;

internal sealed partial class SleepTool : SessionTool<SleepTool.Arguments>
{
    public sealed record Arguments
    {
        [Description("How long to sleep, in seconds.")]
        public required double Seconds { get; init; }
    }

    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
    [JsonSerializable(typeof(Arguments))]
    internal sealed partial class SleepJson : JsonSerializerContext;

    public override string Name => ToolNames.Sleep;

    public override ToolKind Kind => ToolKind.Loop;

    protected override JsonTypeInfo<Arguments> ArgumentsType => SleepJson.Default.Arguments;

    public override string Describe(SessionToolOptions options) =>
        $"Pause for a while (at most {(int)options.MaxSleep.TotalSeconds} seconds), then report how many sessions are running. " +
        "Prefer wait_for_sessions, which wakes you when something finishes.";

    protected override async Task<ToolOutcome> RunAsync(SessionTools tools, Arguments args, CancellationToken cancellationToken)
    {
        var seconds = args.Seconds;
        if (seconds < 0)
        {
            throw new ToolArgumentException("'seconds' must not be negative");
        }
        var duration = TimeSpan.FromSeconds(Math.Min(seconds, tools.Options.MaxSleep.TotalSeconds));
        await Task.Delay(duration, tools.Sessions.Context.Time, cancellationToken).ConfigureAwait(false);
        var own = await tools.OwnSessionsAsync(cancellationToken).ConfigureAwait(false);
        var attention = own.Where(s => tools.AttentionFor(s) is not null).Select(s => s.Id).ToList();
        var result = new SleepResult(duration.TotalSeconds, own.Count(s => !s.Status.IsStopped()), own.Count(s => s.Status.IsStopped()), attention);
        return new ToolOutcome(SessionTools.Serialize(result, ToolJsonContext.Compact.SleepResult), false,
            $"slept {duration.TotalSeconds:0}s" + (seconds > duration.TotalSeconds ? $" (capped from {seconds:0}s)" : ""));
    }
}
