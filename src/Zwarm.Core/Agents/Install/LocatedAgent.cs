namespace Zwarm.Core.Agents.Install;

/// <summary>An agent CLI executable and where it was found.</summary>
/// <param name="Path">Absolute path of the executable.</param>
/// <param name="Source">Which step of the lookup order found it.</param>
/// <param name="SourceLabel">That step as the user would recognise it ("ZWARM_CODEX_BIN", "zwarm's data folder").</param>
public sealed record LocatedAgent(string Path, AgentSource Source, string SourceLabel);
