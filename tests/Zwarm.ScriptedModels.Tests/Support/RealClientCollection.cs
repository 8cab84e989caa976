namespace Zwarm.ScriptedModels.Tests.Support;

/// <summary>Declares <see cref="RealCli.Collection"/>: its real-client classes run one after another.</summary>
[CollectionDefinition(RealCli.Collection)]
public sealed class RealClientCollection
{
}
