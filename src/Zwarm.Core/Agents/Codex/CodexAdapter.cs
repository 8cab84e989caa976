// Codex CLI (tested with codex-cli 0.169.0). Turn 1 starts a thread with `codex exec`; follow-ups continue it with
// `codex exec resume <thread_id>`, taking the id from turn 1's thread.started event.
//
// `codex exec resume` accepts -m and -c but not -s/--sandbox or -C/--cd, and a resumed thread does NOT keep the
// sandbox it was started with (checked: a workspace-write thread resumed without flags runs read-only). So the sandbox
// is re-applied on every follow-up with `-c sandbox_mode="..."`, and the working directory comes from the process's
// own working directory, which codex uses when -C is absent. Both verified against 0.169.0 with a local model server.
using Zwarm.Core.Agents.Install;
using Zwarm.Core.Agents.Local;
using Zwarm.Core.Processes;

namespace Zwarm.Core.Agents.Codex;

internal sealed class CodexAdapter : IAgentAdapter
{
    public string Name => "codex";

    public IReadOnlyList<string> Aliases { get; } = [];

    public string ExecutableName => "codex";

    public string InstallHint => "zwarm agents install codex";

    public ProcessSpec BuildFirstTurn(TurnRequest request)
    {
        var args = new List<string> { "exec", "--json", "--skip-git-repo-check", "-s", request.Sandbox.ToName() };
        AddModel(args, request);
        args.Add("-C");
        args.Add(request.WorkingDirectory);
        args.AddRange(request.Settings.Args);
        // "--" so a prompt starting with '-' is not taken for an option.
        args.Add("--");
        args.Add(request.Prompt);
        return Spec(request, args);
    }

    public ProcessSpec BuildFollowUp(TurnRequest request, string resumeId)
    {
        var args = new List<string>
        {
            "exec", "resume", "--json", "--skip-git-repo-check",
            "-c", $"sandbox_mode=\"{request.Sandbox.ToName()}\"",
        };
        AddModel(args, request);
        args.AddRange(request.Settings.Args);
        args.Add(resumeId);
        args.Add("--");
        args.Add(request.Prompt);
        return Spec(request, args);
    }

    // Codex's stream never names the model, so zwarm reads it where Codex does.
    public string? ConfiguredModel(AdapterSettings settings, IReadOnlyDictionary<string, string?> environment) =>
        CodexConfiguredModel.Find(settings.Args, environment);

    public IAgentStreamParser CreateParser() => new CodexStreamParser();

    // The thread id comes from turn 1's thread.started event.
    public string? InitialResumeId(string sessionId) => null;

    public bool IsAgentCommandLine(IReadOnlyList<string> arguments) => AgentCommandLine.Runs(arguments, ExecutableName);

    public string DisplayName => "Codex CLI";

    public AgentPackage Package { get; } = new("@openai/codex", "0.169.0");

    public string? ModelEndpoint(AdapterSettings settings, IReadOnlyDictionary<string, string?> environment) =>
        CodexModelEndpoint.Find(environment);

    public LocalModelSetup UseLocal(LocalModelRequest request) => CodexLocalModel.Setup(request);

    public string? AuthFailure(string line) => CodexAuthFailure.Find(line);

    private static void AddModel(List<string> args, TurnRequest request)
    {
        if (AdapterArguments.ModelFor(request) is { } model)
        {
            args.Add("-m");
            args.Add(model);
        }
    }

    private ProcessSpec Spec(TurnRequest request, List<string> args) => new(
        request.Settings.Executable ?? ExecutableName,
        args,
        request.WorkingDirectory,
        request.Settings.Env);
}
