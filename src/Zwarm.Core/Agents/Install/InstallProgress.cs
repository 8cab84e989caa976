namespace Zwarm.Core.Agents.Install;

/// <summary>One progress report of an install: a line of npm's output, or a heartbeat while npm is silent.</summary>
/// <param name="Line">npm's line, or null for a heartbeat.</param>
/// <param name="Elapsed">Time since the install started.</param>
public sealed record InstallProgress(string? Line, TimeSpan Elapsed);
