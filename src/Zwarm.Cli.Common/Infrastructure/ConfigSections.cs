// The config sections of the layers above Core ([orchestrator], [watchers.*], [pilot]), read from the same tracked
// document as Core's, so that ConfigDocument.Validate() reports their unknown keys and bad values too.
using Zwarm.Core.Config;
using Zwarm.Orchestration.Config;

namespace Zwarm.Cli.Infrastructure;

/// <summary>Config of the layers above Core.</summary>
internal sealed record UpperConfig(OrchestrationConfig Orchestration);

internal static class ConfigSections
{
    public static UpperConfig ReadUpperLayers(ConfigDocument document) => new(OrchestrationConfig.Read(document));
}
