// Qwen Code (tested with @qwen-code/qwen-code 0.24.4) in headless mode with stream-json output. Turn 1 fixes the
// conversation id up front with --session-id (zwarm's own session id, a UUID); follow-ups continue it with
// --resume <id>. Qwen stores its sessions per working directory under its home (QWEN_HOME, else ~/.qwen), so a
// follow-up must run from the same directory with the same home: zwarm always starts a turn in the session's
// directory, and the home comes from the same adapter environment on every turn.
//
// The prompt is passed as "--prompt=TEXT": Qwen does not read a positional prompt after "--" (it then waits for
// stdin: "No input provided via stdin"), and the "=" form keeps a prompt that starts with '-' from being read as an
// option (checked against 0.24.4). The model and approval flags are repeated on every turn: a resumed session does
// not remember them.
using Zwarm.Core.Agents.Install;
using Zwarm.Core.Agents.Local;
using Zwarm.Core.Processes;

namespace Zwarm.Core.Agents.Qwen;

internal sealed class QwenCodeAdapter : IAgentAdapter
{
    public string Name => "qwen";

    // The registry treats '-' like '_', so "qwen-code" is accepted too.
    public IReadOnlyList<string> Aliases { get; } = ["qwen_code"];

    public string ExecutableName => "qwen";

    public string InstallHint => "zwarm agents install qwen";

    public ProcessSpec BuildFirstTurn(TurnRequest request)
    {
        var args = new List<string> { "--output-format", "stream-json" };
        // --session-id must be a UUID (Qwen refuses an id that already exists, so it is for turn 1 only).
        if (Guid.TryParse(request.SessionId, out _))
        {
            args.Add("--session-id");
            args.Add(request.SessionId);
        }
        return Finish(request, args);
    }

    public ProcessSpec BuildFollowUp(TurnRequest request, string resumeId) =>
        Finish(request, ["--output-format", "stream-json", "--resume", resumeId]);

    // Qwen names its model in system/init, which the turn digest records.
    public string? ConfiguredModel(AdapterSettings settings, IReadOnlyDictionary<string, string?> environment) => null;

    public IAgentStreamParser CreateParser() => new QwenStreamParser();

    // BuildFirstTurn passes zwarm's session id as --session-id when it is a UUID (always, for ids zwarm makes).
    public string? InitialResumeId(string sessionId) => Guid.TryParse(sessionId, out _) ? sessionId : null;

    // `qwen` is a node script that relaunches itself as `node --expose-gc .../@qwen-code/qwen-code/cli.js`.
    public bool IsAgentCommandLine(IReadOnlyList<string> arguments) =>
        AgentCommandLine.Runs(arguments, ExecutableName)
        || arguments.Any(a => a.Contains("/@qwen-code/qwen-code/", StringComparison.Ordinal))
            && arguments.Count > 0 && Path.GetFileName(arguments[0]).StartsWith("node", StringComparison.Ordinal);

    public string DisplayName => "Qwen Code";

    public AgentPackage Package { get; } = new("@qwen-code/qwen-code", "0.24.4");

    public string? ModelEndpoint(AdapterSettings settings, IReadOnlyDictionary<string, string?> environment) =>
        QwenModelEndpoint.Find(environment);

    public LocalModelSetup UseLocal(LocalModelRequest request) => QwenLocalModel.Setup(request);

    // Never claimed: Qwen retries neither a 401 nor a missing key (its unattended retry covers only 429/529). It writes
    // the error as a failed result line and exits 1 by itself, and the parser records the model's message from that
    // line. Stopping the turn early on the "[API Error: 401" text would only race Qwen's own exit and record SIGINT
    // (exit 130) instead of its exit code 1 (seen in the end-to-end test).
    public string? AuthFailure(string line) => null;

    private ProcessSpec Finish(TurnRequest request, List<string> args)
    {
        if (AdapterArguments.ModelFor(request) is { } model)
        {
            args.Add("--model");
            args.Add(model);
        }
        args.AddRange(QwenApprovalFlags.For(request.Sandbox));
        args.AddRange(request.Settings.Args);
        args.Add("--prompt=" + request.Prompt);
        return new ProcessSpec(
            request.Settings.Executable ?? ExecutableName,
            args,
            request.WorkingDirectory,
            request.Settings.Env);
    }
}
