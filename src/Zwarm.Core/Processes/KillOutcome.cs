namespace Zwarm.Core.Processes;

/// <summary>How a kill ended, as a fact: which signal ended the turn, or why none did.</summary>
public enum KillOutcome
{
    /// <summary>Nothing was running.</summary>
    NotRunning,
    /// <summary>SIGINT was enough.</summary>
    Interrupted,
    /// <summary>SIGTERM was needed.</summary>
    Terminated,
    /// <summary>SIGKILL was needed.</summary>
    Killed,
    /// <summary>The turn finished on its own (completed) although signals were sent: the agent ignored or outran them.</summary>
    Finished,
    /// <summary>The recorded process could not be proven to be the session's: nothing was signalled.</summary>
    Refused,
}
