namespace Zwarm.Mcp.Install;

/// <summary>The MCP clients `zwarm mcp install` knows how to configure.</summary>
public enum McpClientKind
{
    Claude,
    Codex,
}
