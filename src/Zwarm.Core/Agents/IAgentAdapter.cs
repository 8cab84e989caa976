using Zwarm.Core.Processes;

namespace Zwarm.Core.Agents;

/// <summary>
/// One agent CLI (Codex, Claude Code, ...). Builds the process for a first turn and for a follow-up that uses the
/// CLI's native resume, and creates the parser for its output stream. Adding an agent = adding a folder with one
/// of these; register it in <see cref="AgentRegistry"/>.
/// </summary>
public interface IAgentAdapter
{
    /// <summary>Canonical name stored in meta.json's "adapter" field ("codex", "claude_code").</summary>
    string Name { get; }

    /// <summary>Other names accepted on the command line ("claude").</summary>
    IReadOnlyList<string> Aliases { get; }

    /// <summary>The executable looked up on PATH when config does not give one ("codex", "claude").</summary>
    string ExecutableName { get; }

    /// <summary>One line telling the user how to install the CLI.</summary>
    string InstallHint { get; }

    /// <summary>Command line for turn 1 of a session.</summary>
    ProcessSpec BuildFirstTurn(TurnRequest request);

    /// <summary>Command line for a follow-up turn, resuming the CLI's own conversation <paramref name="resumeId"/>.</summary>
    ProcessSpec BuildFollowUp(TurnRequest request, string resumeId);

    /// <summary>
    /// The model the CLI will use when zwarm passes none, read from the CLI's own configuration (the agent's
    /// <paramref name="environment"/> locates it), or null when the CLI reports its model itself or it is unknown.
    /// Recorded so `ls` can show the model and price the tokens; never passed to the CLI on turn 1.
    /// </summary>
    string? ConfiguredModel(AdapterSettings settings, IReadOnlyDictionary<string, string?> environment);

    /// <summary>A fresh parser for one turn's stdout.</summary>
    IAgentStreamParser CreateParser();

    /// <summary>
    /// The resume id known before turn 1 runs (Claude Code takes zwarm's session id as its own with --session-id),
    /// or null when the CLI names its conversation in its stream (Codex's thread id).
    /// </summary>
    string? InitialResumeId(string sessionId);

    /// <summary>
    /// True when a process's arguments (/proc/PID/cmdline) are this agent's CLI: how a session the Python zwarm
    /// started, which recorded only a pid, is told alive and proven before it is signalled.
    /// </summary>
    bool IsAgentCommandLine(IReadOnlyList<string> arguments);
}
