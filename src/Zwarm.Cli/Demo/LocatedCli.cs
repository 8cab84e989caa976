namespace Zwarm.Cli.Demo;

/// <summary>An agent CLI executable and where it was found (shown to the user).</summary>
internal sealed record LocatedCli(string Path, string Source);
