// A zwarm command line run in-process, as a user types it: a temp project with its state dir, the fake agent as the
// codex adapter, the orchestrator's LLM on a scripted model server, stdin piped from a string. Shared by the
// orchestrate and pilot CLI tests.
using Zwarm.Cli;
using Zwarm.Cli.Infrastructure;
using Zwarm.Core.Config;
using Zwarm.ScriptedModels;

namespace Zwarm.Orchestration.Tests.Support;

public abstract class CliTestBase : IDisposable
{
    protected CliTestBase(string prefix)
    {
        Dir = new TempDirectory(prefix);
        Directory.CreateDirectory(StateDir);
        Environment = new Dictionary<string, string?>(ZwarmContext.CaptureEnvironment())
        {
            ["ZWARM_STATE_DIR"] = StateDir,
            ["FAKE_AGENT_HOME"] = Dir.Combine("fake-home"),
            ["OPENAI_API_KEY"] = "test-key",
            ["NO_COLOR"] = "1",
            ["OPENAI_BASE_URL"] = null,
        };
    }

    protected CancellationToken Ct { get; } = TestTimeout.After(90);

    protected TempDirectory Dir { get; }

    protected string WorkDir => Dir.Combine("work");

    protected string StateDir => Dir.Combine("work", ".zwarm");

    protected Dictionary<string, string?> Environment { get; }

    public void Dispose()
    {
        RunAsync(null, "kill", "--all").GetAwaiter().GetResult();
        Dir.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>config.toml: the fake agent as codex, the orchestrator's LLM at <paramref name="server"/>, plus <paramref name="extra"/>.</summary>
    protected void Configure(ScriptedModelServer server, string extra = "") => File.WriteAllText(Path.Combine(StateDir, "config.toml"), $"""
        [executor]
        kill_grace_seconds = 1
        [adapters.codex]
        executable = "{OrchestrationWorld.FakeAgentPath}"
        [orchestrator]
        base_url = "{server.OpenAIBaseUrl}"
        model = "gpt-test"
        max_retries = 0
        {extra}
        """);

    protected async Task<(int Code, string Out, string Err)> RunAsync(string? stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var terminal = new Terminal(output, error, colors: false, stdin is null ? null : new StringReader(stdin));
        var code = await ZwarmCli.RunAsync(args, terminal, new ContextFactory(Environment, WorkDir), Ct);
        return (code, output.ToString(), error.ToString());
    }
}
