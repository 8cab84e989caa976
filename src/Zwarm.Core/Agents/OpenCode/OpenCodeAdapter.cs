// opencode (opencode-ai 1.18.33, a Bun binary) in headless mode: `opencode run --format json PROMPT`. Its conversation
// id ("ses_...") is chosen by opencode and appears on every event as sessionID; follow-ups continue it with
// `--session ID`. `run` reads stdin to EOF before it starts, so the process must get a closed stdin: zwarm's detached
// launcher always gives an agent /dev/null. The model, the sandbox (as OPENCODE_PERMISSION, see OpenCodePermissions)
// and the working directory (the process's own) are the same on every turn; `run` has no option that would change
// them on resume. Checked against 1.18.33 with a local Chat Completions server (see docs/agents/opencode.md).
using Zwarm.Core.Agents.Install;
using Zwarm.Core.Agents.Local;
using Zwarm.Core.Processes;

namespace Zwarm.Core.Agents.OpenCode;

internal sealed class OpenCodeAdapter : IAgentAdapter
{
    public string Name => "opencode";

    public IReadOnlyList<string> Aliases { get; } = [];

    public string ExecutableName => "opencode";

    public string InstallHint => "zwarm agents install opencode";

    public ProcessSpec BuildFirstTurn(TurnRequest request) => Build(request, []);

    public ProcessSpec BuildFollowUp(TurnRequest request, string resumeId) => Build(request, ["--session", resumeId]);

    // The stream never names the model: read it where opencode does.
    public string? ConfiguredModel(AdapterSettings settings, IReadOnlyDictionary<string, string?> environment) =>
        OpenCodeConfig.Read(settings.Args, environment).Model;

    public IAgentStreamParser CreateParser() => new OpenCodeStreamParser();

    // opencode names the session itself (sessionID on every event); it cannot be chosen in advance.
    public string? InitialResumeId(string sessionId) => null;

    // The npm package's bin is the native binary itself (`.../opencode-ai/bin/opencode.exe run ...`, one process); an
    // install that keeps the node launcher shows `node .../bin/opencode run ...`. AgentCommandLine accepts both.
    public bool IsAgentCommandLine(IReadOnlyList<string> arguments) => AgentCommandLine.Runs(arguments, ExecutableName);

    public string DisplayName => "opencode";

    public AgentPackage Package { get; } = new("opencode-ai", "1.18.33");

    public string? ModelEndpoint(AdapterSettings settings, IReadOnlyDictionary<string, string?> environment) =>
        OpenCodeConfig.Read(settings.Args, environment).BaseUrl;

    public LocalModelSetup UseLocal(LocalModelRequest request) => OpenCodeLocalModel.Setup(request);

    // zwarm stops a turn on an auth failure because some CLIs retry a refused key for minutes. opencode never does
    // (its 401 APIError is isRetryable:false): it prints one `error` event and exits 1 on its own a moment later.
    // Stopping it then only races that exit: a SIGINT while it disposes makes it exit 130, recorded as an interrupt.
    public string? AuthFailure(string line) => null;

    private ProcessSpec Build(TurnRequest request, string[] resume)
    {
        var args = new List<string> { "run", "--format", "json" };
        args.AddRange(resume);
        if (AdapterArguments.ModelFor(request) is { } model)
        {
            args.Add("--model");
            args.Add(model);
        }
        args.AddRange(OpenCodePermissions.Arguments(request.Sandbox));
        args.AddRange(request.Settings.Args);
        // "--" so a prompt starting with '-' is not taken for an option (yargs stops parsing options there).
        args.Add("--");
        // `run` joins its message arguments with spaces but wraps each one holding a space in double quotes (inner
        // quotes escaped), so a one-argument prompt reaches the model as "\"...\"". Split at every space, no argument
        // holds one and the join rebuilds the prompt exactly (runs of spaces, quotes, newlines and tabs included).
        args.AddRange(request.Prompt.Split(' '));
        var environment = new Dictionary<string, string?>(request.Settings.Env, StringComparer.Ordinal);
        if (OpenCodePermissions.Json(request.Sandbox) is { } permission)
        {
            environment[OpenCodePermissions.Variable] = permission;
        }
        return new ProcessSpec(request.Settings.Executable ?? ExecutableName, args, request.WorkingDirectory, environment);
    }
}
