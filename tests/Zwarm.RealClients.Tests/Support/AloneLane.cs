namespace Zwarm.RealClients.Tests.Support;

/// <summary>Declares <see cref="Lanes.Alone"/>: its tests start several CLIs at once, so they run with nothing beside them.</summary>
[CollectionDefinition(Lanes.Alone, DisableParallelization = true)]
public sealed class AloneLane
{
}
