namespace Zwarm.RealClients.Tests.Support;

/// <summary>Declares <see cref="Lanes.OpenCode"/>.</summary>
[CollectionDefinition(Lanes.OpenCode)]
public sealed class OpenCodeLane
{
}
