namespace Zwarm.RealClients.Tests.Support;

/// <summary>Declares <see cref="Lanes.Codex"/>, which runs beside <see cref="Lanes.Claude"/>.</summary>
[CollectionDefinition(Lanes.Codex)]
public sealed class CodexLane
{
}
