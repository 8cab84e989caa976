// The config sections owned by the orchestration layer: [orchestrator], [watchers.*], [pilot]. Read from the same
// ConfigDocument as Core's sections, so a misspelt key in any of them is reported by ConfigDocument.Validate().
using Zwarm.Core.Config;
using Zwarm.Orchestration.Watchers;

namespace Zwarm.Orchestration.Config;

public sealed record OrchestrationConfig
{
    public OrchestratorSettings Orchestrator { get; init; } = new();

    public WatchersSettings Watchers { get; init; } = new();

    public PilotSettings Pilot { get; init; } = new();

    public static OrchestrationConfig Default { get; } = Read(ConfigDocument.Empty());

    public static OrchestrationConfig Read(ConfigDocument document)
    {
        var root = document.Root;
        var orchestrator = OrchestratorSettings.Read(root.GetSection("orchestrator"));
        return new OrchestrationConfig
        {
            Orchestrator = orchestrator,
            Watchers = WatchersSettings.Read(root.GetSection("watchers"), orchestrator.Llm),
            Pilot = PilotSettings.Read(root.GetSection("pilot"), orchestrator.Llm),
        };
    }
}
