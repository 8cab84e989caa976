namespace Zwarm.Core;

/// <summary>What kind of user-facing failure happened; the CLI maps each to a named exit code.</summary>
public enum ErrorKind
{
    /// <summary>Bad input: a malformed id, an unknown adapter, a bad option value.</summary>
    Usage,
    /// <summary>No session (or instance) matches.</summary>
    NotFound,
    /// <summary>An id prefix matches more than one session.</summary>
    Ambiguous,
    /// <summary>The request conflicts with the current state (continue while running, rm a running session).</summary>
    Conflict,
    /// <summary>An agent CLI is not installed.</summary>
    AgentMissing,
    /// <summary>A wait ran out of time.</summary>
    Timeout,
    /// <summary>config.toml is invalid.</summary>
    Config,
    /// <summary>The state directory cannot be read or written, or a file in it is corrupt.</summary>
    State,
    /// <summary>An external service (model endpoint) failed.</summary>
    External,
    /// <summary>A zwarm binary a verb is handed to (zwarm-llm, zwarm-mcp beside the lean zwarm) is missing or cannot run.</summary>
    BinaryMissing,
}

/// <summary>An expected failure with a one-line message for the user (never a stack trace).</summary>
public sealed class ZwarmException : Exception
{
    public ZwarmException(ErrorKind kind, string message, Exception? inner = null) : base(message, inner)
    {
        Kind = kind;
    }

    public ErrorKind Kind { get; }
}
