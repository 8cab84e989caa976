// exit: finish an LLM run with a summary (offered only inside a loop, and only when the run allows it).
using System.ComponentModel;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Zwarm.Core.Sessions;

namespace Zwarm.Orchestration.Tools;

internal sealed partial class ExitTool : SessionTool<ExitTool.Arguments>
{
    public sealed record Arguments
    {
        [Description("What was done, how it was verified, and anything left open.")]
        public required string Summary { get; init; }
    }

    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
    [JsonSerializable(typeof(Arguments))]
    internal sealed partial class ExitJson : JsonSerializerContext;

    public override string Name => ToolNames.Exit;

    public override ToolKind Kind => ToolKind.Loop;

    protected override JsonTypeInfo<Arguments> ArgumentsType => ExitJson.Default.Arguments;

    public override string Describe(SessionToolOptions options) =>
        "Finish the run. Call it only when the task is done and verified (or cannot be done); the summary is what the user reads.";

    protected override async Task<ToolOutcome> RunAsync(SessionTools tools, Arguments args, CancellationToken cancellationToken)
    {
        var running = (await tools.OwnSessionsAsync(cancellationToken).ConfigureAwait(false))
            .Where(s => !s.Status.IsStopped()).Select(s => s.Id).ToList();
        var result = new ExitResult(true, args.Summary, running);
        return new ToolOutcome(SessionTools.Serialize(result, ToolJsonContext.Compact.ExitResult), false,
            "exit: " + SessionTools.Short(args.Summary.ReplaceLineEndings(" "), 120))
        {
            ExitSummary = args.Summary,
        };
    }
}
