using Zwarm.Core.Agents;
using Zwarm.Core.Agents.Local;
using Zwarm.Core.Agents.OpenCode;
using Zwarm.Core.Tests.Support;

namespace Zwarm.Core.Tests.Agents.OpenCode;

public sealed class OpenCodeAdapterTests : IDisposable
{
    private const string Dir = "/home/dev/proj";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static TurnRequest Request(SandboxMode sandbox, string? model = "zw/gpt-5.5", AdapterSettings? settings = null) =>
        new("0c6f1e43-5a51-4d8f-9d87-3f1e1f2b9a10", "fix the bug", model, Dir, sandbox, settings ?? AdapterSettings.Default);

    public static TheoryData<SandboxMode, string[], string?> Sandboxes => new()
    {
        { SandboxMode.ReadOnly, [], """{"bash":"deny","edit":"deny"}""" },
        { SandboxMode.WorkspaceWrite, [], """{"external_directory":"deny"}""" },
        { SandboxMode.DangerFullAccess, ["--auto"], null },
    };

    [Theory]
    [MemberData(nameof(Sandboxes))]
    public void BuildFirstTurn_RunsHeadlessWithJsonEventsAndMapsTheSandbox(SandboxMode sandbox, string[] flags, string? permission)
    {
        var spec = new OpenCodeAdapter().BuildFirstTurn(Request(sandbox));

        Assert.Equal("opencode", spec.Executable);
        Assert.Equal(["run", "--format", "json", "--model", "zw/gpt-5.5", .. flags, "--", "fix", "the", "bug"], spec.Arguments);
        Assert.Equal(Dir, spec.WorkingDirectory);
        Assert.Equal(permission, spec.EnvironmentOverrides.GetValueOrDefault("OPENCODE_PERMISSION"));
        Assert.Equal(permission is not null, spec.EnvironmentOverrides.ContainsKey("OPENCODE_PERMISSION"));
    }

    [Theory]
    [MemberData(nameof(Sandboxes))]
    public void BuildFollowUp_ContinuesTheSessionWithTheSameModelSandboxAndDirectory(SandboxMode sandbox, string[] flags, string? permission)
    {
        var spec = new OpenCodeAdapter().BuildFollowUp(Request(sandbox) with { Prompt = "-and the tests" }, "ses_abc");

        Assert.Equal(["run", "--format", "json", "--session", "ses_abc", "--model", "zw/gpt-5.5", .. flags, "--", "-and", "the", "tests"], spec.Arguments);
        Assert.Equal(Dir, spec.WorkingDirectory);
        Assert.Equal(permission, spec.EnvironmentOverrides.GetValueOrDefault("OPENCODE_PERMISSION"));
    }

    [Theory]
    [InlineData("say \"hi\"  twice\n-- then\tstop  ")]
    [InlineData(" leading space")]
    [InlineData("one")]
    public void ThePromptIsSplitAtSpaces_SoOpencodesJoinRebuildsItUnquoted(string prompt)
    {
        // `run` quotes every message argument that holds a space; checked: these words reach the model as `prompt`.
        var spec = new OpenCodeAdapter().BuildFirstTurn(Request(SandboxMode.WorkspaceWrite) with { Prompt = prompt });

        var words = spec.Arguments.Skip(spec.Arguments.ToList().IndexOf("--") + 1).ToList();
        Assert.DoesNotContain(words, w => w.Contains(' '));
        Assert.Equal(prompt, string.Join(' ', words));
    }

    [Fact]
    public void TheAdaptersEnvironmentAndArgsAreKept_AndTheResumeIdComesFromTheStream()
    {
        var settings = new AdapterSettings("/opt/oc", ["--variant", "high"], new Dictionary<string, string?> { ["XDG_DATA_HOME"] = "/tmp/d" });
        var adapter = new OpenCodeAdapter();

        var spec = adapter.BuildFirstTurn(Request(SandboxMode.WorkspaceWrite, model: null, settings));

        Assert.Equal("/opt/oc", spec.Executable);
        Assert.Equal(["run", "--format", "json", "--variant", "high", "--", "fix", "the", "bug"], spec.Arguments);
        Assert.Equal("/tmp/d", spec.EnvironmentOverrides["XDG_DATA_HOME"]);
        Assert.Null(adapter.InitialResumeId("0c6f1e43-5a51-4d8f-9d87-3f1e1f2b9a10"));
        Assert.IsType<OpenCodeAdapter>(AgentRegistry.Default.Find("OpenCode"));
    }

    [Theory]
    [InlineData(true, "/root/.opencode/node_modules/opencode-ai/bin/opencode.exe", "run", "--format", "json")]
    [InlineData(true, "/usr/bin/node", "/usr/lib/node_modules/opencode-ai/bin/opencode", "run")]
    [InlineData(true, "/usr/local/bin/opencode", "run")]
    [InlineData(false, "sleep", "100", "opencode")]
    public void IsAgentCommandLine_KnowsTheNativeBinaryAndTheNodeLauncher(bool expected, params string[] argv) =>
        Assert.Equal(expected, new OpenCodeAdapter().IsAgentCommandLine(argv));

    [Fact]
    public void ConfiguredModelAndEndpoint_ComeFromTheConfigContentVariable_BeforeTheGlobalFile()
    {
        Directory.CreateDirectory(_dir.Combine("xdg", "opencode"));
        File.WriteAllText(_dir.Combine("xdg", "opencode", "opencode.jsonc"), """
            // the user's global config
            { "model": "anthropic/claude-sonnet-4-5", "provider": { "anthropic": { "options": { "baseURL": "https://proxy.example/v1" } } }, }
            """);
        var adapter = new OpenCodeAdapter();
        var environment = new Dictionary<string, string?> { ["XDG_CONFIG_HOME"] = _dir.Combine("xdg") };

        Assert.Equal("anthropic/claude-sonnet-4-5", adapter.ConfiguredModel(AdapterSettings.Default, environment));
        Assert.Equal("https://proxy.example/v1", adapter.ModelEndpoint(AdapterSettings.Default, environment));

        environment["OPENCODE_CONFIG_CONTENT"] = """{"model":"zw/gpt-5.5","provider":{"zw":{"options":{"baseURL":"http://127.0.0.1:9/v1"}}}}""";
        Assert.Equal("zw/gpt-5.5", adapter.ConfiguredModel(AdapterSettings.Default, environment));
        Assert.Equal("http://127.0.0.1:9/v1", adapter.ModelEndpoint(AdapterSettings.Default, environment));
        Assert.Equal("zw/other", adapter.ConfiguredModel(new AdapterSettings(ExtraArgs: ["-m", "zw/other"]), environment));

        environment["OPENCODE_CONFIG_CONTENT"] = "{ not json";
        Assert.Equal("anthropic/claude-sonnet-4-5", adapter.ConfiguredModel(AdapterSettings.Default, environment));
    }

    [Fact]
    public void UseLocal_WritesAProviderConfigIntoTheEnvironment_WithoutTheKey()
    {
        var setup = new OpenCodeAdapter().UseLocal(new LocalModelRequest("http://localhost:11434", "qwen3-coder", "OLLAMA_KEY", _dir.Path));

        Assert.Empty(setup.Files);
        Assert.Equal("1", setup.Environment["OPENCODE_DISABLE_MODELS_FETCH"]);
        var content = setup.Environment["OPENCODE_CONFIG_CONTENT"];
        Assert.Contains("\"npm\":\"@ai-sdk/openai-compatible\"", content);
        Assert.Contains("\"baseURL\":\"http://localhost:11434/v1\"", content);
        Assert.Contains("\"apiKey\":\"{env:OLLAMA_KEY}\"", content);
        Assert.Contains("\"model\":\"zwarm_local/qwen3-coder\"", content);
        // What --check and `ls` read back from the same variables.
        var environment = setup.Environment.ToDictionary(kv => kv.Key, kv => (string?)kv.Value);
        Assert.Equal("zwarm_local/qwen3-coder", new OpenCodeAdapter().ConfiguredModel(AdapterSettings.Default, environment));
        Assert.Equal("http://localhost:11434/v1", new OpenCodeAdapter().ModelEndpoint(AdapterSettings.Default, environment));
    }

    [Fact]
    public void AuthFailure_IsNeverReported_BecauseOpenCodeEndsARefusedTurnItself()
    {
        var adapter = new OpenCodeAdapter();

        // The 401 turn fails from its own error event (see the sample tests) and exit code 1; a stop by zwarm would
        // only race opencode's exit.
        Assert.All(File.ReadLines(Samples.PathOf("opencode_401.jsonl")), line => Assert.Null(adapter.AuthFailure(line)));
    }
}
