namespace Zwarm.Core.Agents;

/// <summary>Everything an adapter needs to build the command line of one turn.</summary>
/// <param name="SessionId">zwarm's session id (Claude Code uses it as its own --session-id on turn 1).</param>
/// <param name="Prompt">The task (turn 1) or the follow-up message.</param>
/// <param name="Model">Model to pass to the CLI; null or empty lets the CLI use its own default.</param>
/// <param name="WorkingDirectory">Absolute working directory of the session.</param>
/// <param name="Sandbox">zwarm sandbox mode, mapped by the adapter onto the CLI's flags.</param>
/// <param name="Settings">Per-adapter settings from config (executable, extra args, env).</param>
public sealed record TurnRequest(
    string SessionId,
    string Prompt,
    string? Model,
    string WorkingDirectory,
    SandboxMode Sandbox,
    AdapterSettings Settings);
