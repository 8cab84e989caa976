// Claude Code (tested with 2.1.330) in print mode with stream-json output. Turn 1 fixes the conversation id up front
// with --session-id (zwarm's own session id, a UUID); follow-ups continue it with --resume <session_id>.
//
// The prompt goes last, after "--": -p is a boolean flag and the prompt is a positional argument, so a variadic
// option before it (--disallowedTools, --add-dir) would otherwise swallow it, and a prompt starting with '-' would be
// read as an option. Claude's options are the same on resume, so the model and permission flags are repeated.
using Zwarm.Core.Agents.Install;
using Zwarm.Core.Agents.Local;
using Zwarm.Core.Processes;

namespace Zwarm.Core.Agents.Claude;

internal sealed class ClaudeCodeAdapter : IAgentAdapter
{
    public string Name => "claude_code";

    public IReadOnlyList<string> Aliases { get; } = ["claude"];

    public string ExecutableName => "claude";

    public string InstallHint => "zwarm agents install claude_code";

    public ProcessSpec BuildFirstTurn(TurnRequest request)
    {
        var args = new List<string> { "-p", "--output-format", "stream-json", "--verbose" };
        // --session-id must be a UUID; anything else is left to Claude, and the id is taken from system/init.
        if (Guid.TryParse(request.SessionId, out _))
        {
            args.Add("--session-id");
            args.Add(request.SessionId);
        }
        return Finish(request, args);
    }

    public ProcessSpec BuildFollowUp(TurnRequest request, string resumeId)
    {
        var args = new List<string> { "-p", "--resume", resumeId, "--output-format", "stream-json", "--verbose" };
        return Finish(request, args);
    }

    // Claude Code names its model in system/init, which the turn digest records.
    public string? ConfiguredModel(AdapterSettings settings, IReadOnlyDictionary<string, string?> environment) => null;

    public IAgentStreamParser CreateParser() => new ClaudeStreamParser();

    // BuildFirstTurn passes zwarm's session id as --session-id when it is a UUID (always, for ids zwarm makes).
    public string? InitialResumeId(string sessionId) => Guid.TryParse(sessionId, out _) ? sessionId : null;

    public bool IsAgentCommandLine(IReadOnlyList<string> arguments) => AgentCommandLine.Runs(arguments, ExecutableName);

    public string DisplayName => "Claude Code";

    public AgentPackage Package { get; } = new("@anthropic-ai/claude-code", "2.1.330");

    // ANTHROPIC_BASE_URL from the adapter's env (applied to the agent's environment by the caller) or zwarm's own.
    public string? ModelEndpoint(AdapterSettings settings, IReadOnlyDictionary<string, string?> environment) =>
        environment.GetValueOrDefault("ANTHROPIC_BASE_URL") is { Length: > 0 } url ? url : null;

    public LocalModelSetup UseLocal(LocalModelRequest request) => ClaudeLocalModel.Setup(request);

    public string? AuthFailure(string line) => ClaudeAuthFailure.Find(line);

    private ProcessSpec Finish(TurnRequest request, List<string> args)
    {
        if (AdapterArguments.ModelFor(request) is { } model)
        {
            args.Add("--model");
            args.Add(model);
        }
        args.AddRange(ClaudePermissionFlags.For(request.Sandbox));
        args.AddRange(request.Settings.Args);
        args.Add("--");
        args.Add(request.Prompt);
        return new ProcessSpec(
            request.Settings.Executable ?? ExecutableName,
            args,
            request.WorkingDirectory,
            request.Settings.Env);
    }
}
