namespace Zwarm.Core.Agents.Install;

/// <summary>What `zwarm agents install` did.</summary>
/// <param name="Executable">The installed CLI.</param>
/// <param name="Version">What it reports with --version.</param>
/// <param name="AlreadyInstalled">The pinned version was there already (nothing downloaded).</param>
/// <param name="Elapsed">How long it took.</param>
public sealed record InstallResult(string Executable, string Version, bool AlreadyInstalled, TimeSpan Elapsed);
