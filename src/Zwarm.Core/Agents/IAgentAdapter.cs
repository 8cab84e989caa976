using Zwarm.Core.Agents.Install;
using Zwarm.Core.Agents.Local;
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

    // ---- `zwarm agents`: installing the pinned CLI, pointing it at a local model, credential failures ----
    // (Agents/Install, Agents/Local; every fact about one CLI stays in its own folder.)

    /// <summary>The name users know the CLI by ("Codex CLI", "Claude Code").</summary>
    string DisplayName { get; }

    /// <summary>The npm package and the version zwarm is tested with (`zwarm agents install NAME`).</summary>
    AgentPackage Package { get; }

    /// <summary>
    /// The base URL of the model server the CLI will call with these settings (the agent's
    /// <paramref name="environment"/> applied), or null when it uses its vendor's public API.
    /// </summary>
    string? ModelEndpoint(AdapterSettings settings, IReadOnlyDictionary<string, string?> environment);

    /// <summary>What `zwarm agents use-local` writes so the CLI talks to the model server of <paramref name="request"/>.</summary>
    LocalModelSetup UseLocal(LocalModelRequest request);

    /// <summary>
    /// The agent's own message when one line of a turn's stdout or stderr says its credential is missing or rejected
    /// (a 401, no key), else null. Such a turn cannot succeed however long the CLI retries.
    /// </summary>
    string? AuthFailure(string line);

    /// <summary>
    /// Why the agent exited with <paramref name="exitCode"/> (not 0), given the first error line of its stderr (or
    /// null): a CLI with documented exit codes (Gemini CLI's 41 = no auth method, 55 = untrusted folder) says so
    /// plainly. Used only when the stream itself reported no failure. The default keeps the stderr line.
    /// </summary>
    string? DescribeExit(int exitCode, string? stderrLine) => stderrLine;
}
