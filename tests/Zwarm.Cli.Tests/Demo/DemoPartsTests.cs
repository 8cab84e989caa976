// The parts of `zwarm demo` that need no agent CLI: its folder, where it looks for the CLI, how it narrates commands,
// and its one-line failure when the CLI it was pointed at does not exist. (The whole demo runs in
// tests/Zwarm.RealClients.Tests/Demo with the real CLIs.)
using Zwarm.Cli.Demo;
using Zwarm.Cli.Tests.Support;
using Zwarm.Core;

namespace Zwarm.Cli.Tests.Demo;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DemoPartsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("zwarm-demo-parts-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Layout_RefusesANonEmptyFolderThatIsNotADemo()
    {
        var dir = Directory.CreateDirectory(Path.Combine(_root, "project")).FullName;
        File.WriteAllText(Path.Combine(dir, "important.txt"), "keep me");

        var error = Assert.Throws<ZwarmException>(() => DemoLayout.Prepare(dir, _root));

        Assert.Equal(ErrorKind.Usage, error.Kind);
        Assert.Equal("keep me", File.ReadAllText(Path.Combine(dir, "important.txt")));
    }

    [Fact]
    public void Layout_ClearsTheEarlierDemoRun()
    {
        var first = DemoLayout.Prepare("demo", _root);
        File.WriteAllText(Path.Combine(first.Workspace, "old.txt"), "from the last run");

        var second = DemoLayout.Prepare(Path.Combine(_root, "demo"), "/");

        Assert.Equal(first, second);
        Assert.Empty(Directory.EnumerateFileSystemEntries(second.Workspace));
        Assert.True(Directory.Exists(second.State) && Directory.Exists(second.Agents));
    }

    [Fact]
    public void Invocation_IsTheCheckoutScriptAsTheUserTypedIt()
    {
        var env = new Dictionary<string, string?> { ["ZWARM_INVOKED_AS"] = "./zwarm", ["PATH"] = "/nonexistent" };
        Assert.Equal("./zwarm", ZwarmInvocation.For(env, "/checkout/artifacts/zwarm/zwarm"));
        env["ZWARM_INVOKED_AS"] = "/my projects/zwarm/zwarm";
        Assert.Equal("'/my projects/zwarm/zwarm'", ZwarmInvocation.For(env, "/checkout/artifacts/zwarm/zwarm"));
    }

    [Fact]
    public void Invocation_IsPlainZwarmOnlyWhenPathLeadsToThisProgram()
    {
        var program = FakeExecutable(Path.Combine(_root, "install", "zwarm"));
        var bin = Directory.CreateDirectory(Path.Combine(_root, "bin")).FullName;
        File.CreateSymbolicLink(Path.Combine(bin, "zwarm"), program);
        File.SetUnixFileMode(program, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        Assert.Equal("zwarm", ZwarmInvocation.For(new Dictionary<string, string?> { ["PATH"] = bin }, program));
        Assert.Equal(program, ZwarmInvocation.For(new Dictionary<string, string?> { ["PATH"] = "/nonexistent" }, program));
    }

    [Fact]
    public void Invocation_InsideZwarmLlmIsTheLeanZwarmBesideIt()
    {
        var program = FakeExecutable(Path.Combine(_root, "tool", "zwarm"));
        var full = FakeExecutable(Path.Combine(_root, "tool", "zwarm-llm"));
        var lone = FakeExecutable(Path.Combine(_root, "alone", "zwarm-llm"));
        var nowhere = new Dictionary<string, string?> { ["PATH"] = "/nonexistent" };

        Assert.Equal(program, ZwarmInvocation.For(nowhere, full));
        Assert.Equal(lone, ZwarmInvocation.For(nowhere, lone));
    }

    [Fact]
    public void Summary_PrintsCommandsThatWorkFromWhereTheUserStands()
    {
        var layout = DemoLayout.Prepare("zwarm-demo", _root);
        var output = new StringWriter();
        var console = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings
        {
            Out = new Spectre.Console.AnsiConsoleOutput(output),
            ColorSystem = Spectre.Console.ColorSystemSupport.NoColors,
        });

        DemoSummary.Write(console, [], layout, "0123456789abcdef", TimeSpan.FromSeconds(3), "./zwarm", _root);

        var text = output.ToString();
        Assert.Contains("$ ./zwarm --state-dir zwarm-demo/state ls", text);
        Assert.Contains("$ ./zwarm --state-dir zwarm-demo/state show 01234567", text);
        Assert.Contains("$ ./zwarm agents use-local codex --base-url", text);
        Assert.DoesNotContain("$ zwarm ", text);
    }

    [Theory]
    [InlineData("plain words", "'plain words'")]
    [InlineData("run `echo \"$(pwd)\"`", "'run `echo \"$(pwd)\"`'")]
    [InlineData("it's", "'it'\\''s'")]
    public void Quote_MakesOneShellWord(string text, string expected) => Assert.Equal(expected, DemoNarrator.Quote(text));

    [Fact]
    public async Task Demo_WithAMissingConfiguredCli_FailsWithOneLineAndAgentMissing()
    {
        using var cli = new CliRunner();

        var result = await cli.RunAsync("demo", "--dir", Path.Combine(_root, "demo"), "--set", "adapters.codex.executable=/nonexistent/codex");

        Assert.Equal(6, result.ExitCode);
        Assert.StartsWith("zwarm: adapters.codex.executable is '/nonexistent/codex', which was not found; fix it, or remove it and run zwarm agents install codex", result.Err.Trim());
        Assert.DoesNotContain('\n', result.Err.Trim());
        Assert.False(Directory.Exists(Path.Combine(_root, "demo")));
    }

    private static string FakeExecutable(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "#!/bin/sh\necho fake\n");
        return path;
    }
}
