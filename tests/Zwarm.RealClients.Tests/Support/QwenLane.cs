namespace Zwarm.RealClients.Tests.Support;

/// <summary>Declares <see cref="Lanes.Qwen"/>, which runs beside the Codex and Claude Code lanes.</summary>
[CollectionDefinition(Lanes.Qwen)]
public sealed class QwenLane
{
}
