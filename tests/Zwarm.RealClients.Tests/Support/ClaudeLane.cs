namespace Zwarm.RealClients.Tests.Support;

/// <summary>Declares <see cref="Lanes.Claude"/>, which runs beside <see cref="Lanes.Codex"/>.</summary>
[CollectionDefinition(Lanes.Claude)]
public sealed class ClaudeLane
{
}
