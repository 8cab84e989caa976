namespace Zwarm.ScriptedModels.Tests.Support;

/// <summary>Declares <see cref="RealCli.SecondCollection"/>, which runs beside <see cref="RealCli.Collection"/>.</summary>
[CollectionDefinition(RealCli.SecondCollection)]
public sealed class RealClientSecondCollection
{
}
