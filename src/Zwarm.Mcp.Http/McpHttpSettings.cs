namespace Zwarm.Mcp.Http;

/// <summary>Where `zwarm mcp --http` listens (always 127.0.0.1; port 0 = any free port) and where its token is kept.</summary>
public sealed record McpHttpSettings(int Port, string TokenFile)
{
    /// <summary>The MCP endpoint's path.</summary>
    public const string Path = "/mcp";
}
