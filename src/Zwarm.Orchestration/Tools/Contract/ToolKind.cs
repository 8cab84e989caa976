namespace Zwarm.Orchestration.Tools;

/// <summary>What a tool does, which decides the faces and modes that offer it (MCP --read-only offers only Inspect).</summary>
public enum ToolKind
{
    /// <summary>Only reads sessions or waits for them.</summary>
    Inspect,

    /// <summary>Starts, continues or ends sessions.</summary>
    Act,

    /// <summary>Runs a shell command (orchestrator/pilot when enabled; MCP only with --bash).</summary>
    Shell,

    /// <summary>Paces or ends an LLM loop (sleep, exit): meaningless to an MCP client.</summary>
    Loop,
}
