using Zwarm.Core.Agents;
using Zwarm.Core.Agents.Codex;

namespace Zwarm.Core.Tests.Agents.Codex;

public sealed class CodexAdapterTests
{
    private const string Dir = "/home/dev/proj";

    private static TurnRequest Request(SandboxMode sandbox, string? model = "gpt-5.5", AdapterSettings? settings = null) =>
        new("0c6f1e43-5a51-4d8f-9d87-3f1e1f2b9a10", "fix the bug", model, Dir, sandbox, settings ?? AdapterSettings.Default);

    [Theory]
    [InlineData(SandboxMode.ReadOnly, "read-only")]
    [InlineData(SandboxMode.WorkspaceWrite, "workspace-write")]
    [InlineData(SandboxMode.DangerFullAccess, "danger-full-access")]
    public void BuildFirstTurn_PassesSandboxModelAndDirectory(SandboxMode sandbox, string flag)
    {
        var spec = new CodexAdapter().BuildFirstTurn(Request(sandbox));

        Assert.Equal("codex", spec.Executable);
        Assert.Equal(
            ["exec", "--json", "--skip-git-repo-check", "-s", flag, "-m", "gpt-5.5", "-C", Dir, "--", "fix the bug"],
            spec.Arguments);
        Assert.Equal(Dir, spec.WorkingDirectory);
        Assert.Empty(spec.EnvironmentOverrides);
    }

    [Theory]
    [InlineData(SandboxMode.ReadOnly, "read-only")]
    [InlineData(SandboxMode.WorkspaceWrite, "workspace-write")]
    [InlineData(SandboxMode.DangerFullAccess, "danger-full-access")]
    public void BuildFollowUp_ReappliesTheSandboxThroughConfig(SandboxMode sandbox, string mode)
    {
        var spec = new CodexAdapter().BuildFollowUp(Request(sandbox), "01a209ab-6aea-7160-9237-a2585388714b");

        Assert.Equal(
            [
                "exec", "resume", "--json", "--skip-git-repo-check", "-c", $"sandbox_mode=\"{mode}\"",
                "-m", "gpt-5.5", "01a209ab-6aea-7160-9237-a2585388714b", "--", "fix the bug",
            ],
            spec.Arguments);
        // resume has no -C: the thread runs in the process's working directory.
        Assert.Equal(Dir, spec.WorkingDirectory);
    }

    [Fact]
    public void BuildFirstTurn_WithoutModel_UsesTheConfiguredDefaultOrNone()
    {
        var adapter = new CodexAdapter();

        var none = adapter.BuildFirstTurn(Request(SandboxMode.ReadOnly, model: null));
        var configured = adapter.BuildFirstTurn(Request(SandboxMode.ReadOnly, model: " ",
            new AdapterSettings(DefaultModel: "gpt-5.1-codex-mini")));

        Assert.DoesNotContain("-m", none.Arguments);
        Assert.Equal(["-m", "gpt-5.1-codex-mini"], configured.Arguments.Skip(5).Take(2));
    }

    [Fact]
    public void Settings_SupplyExecutableExtraArgsAndEnvironment()
    {
        var settings = new AdapterSettings(
            Executable: "/opt/codex/bin/codex",
            ExtraArgs: ["-c", "model_provider=\"local\""],
            Environment: new Dictionary<string, string?> { ["CODEX_HOME"] = "/tmp/ch", ["OPENAI_API_KEY"] = null });
        var adapter = new CodexAdapter();

        var first = adapter.BuildFirstTurn(Request(SandboxMode.WorkspaceWrite, settings: settings));
        var next = adapter.BuildFollowUp(Request(SandboxMode.WorkspaceWrite, settings: settings), "t1");

        Assert.Equal("/opt/codex/bin/codex", first.Executable);
        Assert.Equal(["-c", "model_provider=\"local\"", "--", "fix the bug"], first.Arguments.TakeLast(4));
        Assert.Equal(["-c", "model_provider=\"local\"", "t1", "--", "fix the bug"], next.Arguments.TakeLast(5));
        Assert.Equal("/tmp/ch", first.EnvironmentOverrides["CODEX_HOME"]);
        Assert.Null(next.EnvironmentOverrides["OPENAI_API_KEY"]);
    }

    [Fact]
    public void PromptStartingWithDash_StaysAfterTheSeparator()
    {
        var request = Request(SandboxMode.ReadOnly) with { Prompt = "--help me" };

        var spec = new CodexAdapter().BuildFirstTurn(request);

        Assert.Equal(["--", "--help me"], spec.Arguments.TakeLast(2));
    }

    [Fact]
    public void Identity_IsCodex()
    {
        var adapter = new CodexAdapter();

        Assert.Equal("codex", adapter.Name);
        Assert.Empty(adapter.Aliases);
        Assert.Equal("codex", adapter.ExecutableName);
        Assert.IsType<CodexStreamParser>(adapter.CreateParser());
    }
}
