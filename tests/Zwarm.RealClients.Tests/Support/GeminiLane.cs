namespace Zwarm.RealClients.Tests.Support;

/// <summary>A lane of its own for Gemini CLI, beside the Codex and Claude Code lanes (see <see cref="Lanes"/>).</summary>
[CollectionDefinition(Name)]
public sealed class GeminiLane
{
    public const string Name = "Real CLIs through zwarm: Gemini CLI lane";
}
