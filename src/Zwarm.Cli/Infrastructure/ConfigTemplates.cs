using Zwarm.Orchestration.Config;

namespace Zwarm.Cli.Infrastructure;

/// <summary>Commented config sections of the layers above Core, appended to config.toml by `zwarm init`.</summary>
internal static class ConfigTemplates
{
    public static IReadOnlyList<string> UpperLayers { get; } = OrchestrationConfigTemplate.Sections;
}
