// What `zwarm mcp` allows its clients (from its command line).
using Zwarm.Core.Agents;

namespace Zwarm.Mcp;

public sealed record McpServerSettings
{
    /// <summary>Absolute directories sessions may work in (default: the directory the server was started in).</summary>
    public required IReadOnlyList<string> AllowedDirectories { get; init; }

    /// <summary>Where sessions work when delegate names no working_dir.</summary>
    public required string WorkingDirectory { get; init; }

    /// <summary>Running sessions with an `mcp:` source (all clients' servers together) that may run at once.</summary>
    public int MaxSessions { get; init; } = 8;

    /// <summary>The most access a delegated session may get.</summary>
    public SandboxMode MaxSandbox { get; init; } = SandboxMode.WorkspaceWrite;

    /// <summary>Only the inspection tools.</summary>
    public bool ReadOnly { get; init; }

    /// <summary>converse/end_session only on sessions this client started (same `mcp:&lt;client&gt;` source).</summary>
    public bool OwnOnly { get; init; }

    /// <summary>Offer the read-only bash tool.</summary>
    public bool Bash { get; init; }

    /// <summary>Offer bash even where its commands cannot be made read-only ([orchestrator] bash_unsandboxed).</summary>
    public bool BashUnsandboxed { get; init; }

    /// <summary>
    /// The longest one wait_for_sessions call blocks: below the clients' own tool timeouts (Codex: tool_timeout_sec,
    /// 60 s by default), so the call returns and the client calls again instead of being cut off.
    /// </summary>
    public TimeSpan WaitCap { get; init; } = TimeSpan.FromSeconds(50);

    /// <summary>How often a waiting call reports progress.</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How often subscribed sessions are looked at for a status change.</summary>
    public TimeSpan StatusPoll { get; init; } = TimeSpan.FromSeconds(1);
}
