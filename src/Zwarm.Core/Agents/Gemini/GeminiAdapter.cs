// Gemini CLI (tested with 0.61.0) in headless mode with stream-json output. Turn 1 fixes the conversation id up front
// with --session-id (zwarm's own session id, a UUID); follow-ups continue it with --resume <id>, from the same working
// directory (Gemini stores its sessions per project folder). Model, approval mode and --skip-trust are repeated on
// every turn: none of them is remembered by the session.
//
// The prompt is passed as `--prompt=TEXT`, one argument, so a prompt starting with '-' is never read as an option.
// --skip-trust: zwarm runs the agent in folders the user chose; without it an untrusted folder exits 55 at once.
using Zwarm.Core.Agents.Install;
using Zwarm.Core.Agents.Local;
using Zwarm.Core.Processes;

namespace Zwarm.Core.Agents.Gemini;

internal sealed class GeminiAdapter : IAgentAdapter
{
    public string Name => "gemini";

    public IReadOnlyList<string> Aliases { get; } = ["gemini_cli"];

    public string ExecutableName => "gemini";

    public string InstallHint => "zwarm agents install gemini";

    public ProcessSpec BuildFirstTurn(TurnRequest request)
    {
        var args = new List<string>();
        // --session-id must be a UUID; anything else is left to Gemini, and the id is taken from the init line.
        if (Guid.TryParse(request.SessionId, out _))
        {
            args.Add("--session-id");
            args.Add(request.SessionId);
        }
        return Finish(request, args);
    }

    public ProcessSpec BuildFollowUp(TurnRequest request, string resumeId) => Finish(request, ["--resume", resumeId]);

    // Gemini CLI names its model in the init line (and, for "auto", in the result's per-model stats).
    public string? ConfiguredModel(AdapterSettings settings, IReadOnlyDictionary<string, string?> environment) => null;

    public IAgentStreamParser CreateParser() => new GeminiStreamParser();

    public string? InitialResumeId(string sessionId) => Guid.TryParse(sessionId, out _) ? sessionId : null;

    public bool IsAgentCommandLine(IReadOnlyList<string> arguments) => AgentCommandLine.Runs(arguments, ExecutableName);

    public string DisplayName => "Gemini CLI";

    public AgentPackage Package { get; } = new("@google/gemini-cli", "0.61.0");

    public string? ModelEndpoint(AdapterSettings settings, IReadOnlyDictionary<string, string?> environment) =>
        environment.GetValueOrDefault("GOOGLE_GEMINI_BASE_URL") is { Length: > 0 } url ? url : null;

    public LocalModelSetup UseLocal(LocalModelRequest request) => GeminiLocalModel.Setup(request);

    public string? AuthFailure(string line) => GeminiAuthFailure.Find(line);

    public string? DescribeExit(int exitCode, string? stderrLine) => GeminiExits.Describe(exitCode, stderrLine);

    private ProcessSpec Finish(TurnRequest request, List<string> args)
    {
        args.AddRange(["-o", "stream-json", "--skip-trust"]);
        args.AddRange(GeminiApprovalFlags.For(request.Sandbox));
        if (AdapterArguments.ModelFor(request) is { } model)
        {
            args.Add("-m");
            args.Add(model);
        }
        args.AddRange(request.Settings.Args);
        args.Add("--prompt=" + request.Prompt);
        return new ProcessSpec(
            request.Settings.Executable ?? ExecutableName,
            args,
            request.WorkingDirectory,
            request.Settings.Env);
    }
}
