namespace Zwarm.Mcp.Install;

/// <summary>The config file and the snippet zwarm put in it (or would, with --print); Changed is false when it was already there.</summary>
public sealed record McpInstallResult(string Path, string Snippet, bool Changed);
