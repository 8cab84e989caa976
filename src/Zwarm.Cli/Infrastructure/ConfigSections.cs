using Zwarm.Core.Config;

namespace Zwarm.Cli.Infrastructure;

/// <summary>Config of the layers above Core (orchestrator, watchers, pilot), read from the same document.</summary>
internal sealed record UpperConfig;

internal static class ConfigSections
{
    public static UpperConfig ReadUpperLayers(ConfigDocument document)
    {
        // Sections owned by the orchestration layer; read (and validated) there.
        foreach (var name in new[] { "orchestrator", "watchers", "pilot" })
        {
            document.Root.MarkKnown(name);
        }
        return new UpperConfig();
    }
}
