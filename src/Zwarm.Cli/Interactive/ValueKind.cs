namespace Zwarm.Cli.Interactive;

/// <summary>What a REPL argument or option value is, so Tab can offer the right candidates.</summary>
internal enum ValueKind
{
    None,
    /// <summary>A session id (or prefix, or `last`).</summary>
    Session,
    /// <summary>Session ids, or `all`.</summary>
    SessionOrAll,
    /// <summary>A session that is running (watch).</summary>
    RunningSession,
    /// <summary>Running sessions, or `all` (kill).</summary>
    RunningOrAll,
    /// <summary>A session that has stopped (continue).</summary>
    StoppedSession,
    Command,
    Adapter,
    Model,
    Directory,
    Sandbox,
    Status,
}
