// The native `zwarm` hands orchestrate / pilot / demo / dashboard / mcp to the binary beside it
// (Infrastructure/HandOff.cs): where it looks for it, which binary gets which command line, that the whole command
// line (help and unknown options included) reaches the stand-in, and the one-line error of its own (exit 14) when
// the binary is missing or cannot run. The exec itself is exercised by the native build (test.sh's native suite).
using System.CommandLine;
using Zwarm.Cli.Infrastructure;
using Zwarm.Core;
using Zwarm.Core.Processes;

namespace Zwarm.Cli.Tests.Infrastructure;

public sealed class HandOffTests
{
    [Fact]
    public void A_sibling_binary_is_beside_the_running_one_unless_its_variable_names_it()
    {
        var empty = new Dictionary<string, string?>();
        Assert.Equal("/opt/zwarm/zwarm-llm", SiblingBinary.Llm.Resolve(empty, "/opt/zwarm/zwarm"));
        Assert.Equal("/x/full", SiblingBinary.Llm.Resolve(new Dictionary<string, string?> { ["ZWARM_LLM_BIN"] = "/x/full" }, "/opt/zwarm/zwarm"));
        Assert.Equal("/opt/zwarm/zwarm-llm", SiblingBinary.Llm.Resolve(new Dictionary<string, string?> { ["ZWARM_LLM_BIN"] = "" }, "/opt/zwarm/zwarm"));
    }

    [Fact]
    public void A_stand_in_receives_any_command_line_so_it_can_be_forwarded_whole()
    {
        var root = new RootCommand { HandOff.StandIn("orchestrate", "desc") };
        foreach (var args in new[] { new[] { "orchestrate", "--help" }, ["orchestrate", "-t", "task", "--no-such-flag"], ["orchestrate"] })
        {
            var parse = root.Parse(args);
            Assert.True(HandOff.IsStandIn(parse.CommandResult.Command), string.Join(' ', args));
        }
        Assert.False(HandOff.IsStandIn(root));
    }

    [Fact]
    public void The_llm_verbs_go_to_the_full_binary()
    {
        foreach (var verb in new[] { "orchestrate", "pilot", "demo", "dashboard" })
        {
            Assert.Same(SiblingBinary.Llm, HandOff.Target(verb, ["--anything"]));
        }
    }

    [Theory]
    [InlineData("mcp")]
    [InlineData("mcp --read-only --allow-dir /work")]
    [InlineData("--state-dir /s mcp --max-sessions 3")]
    public void Mcp_serving_stdio_goes_to_the_mcp_only_binary(string line)
    {
        var root = new RootCommand { HandOff.StandIn("mcp", "desc") };
        root.Options.Add(new Option<string?>("--state-dir") { Recursive = true });
        var parse = root.Parse(line);

        Assert.Same(SiblingBinary.Mcp, HandOff.Target(parse.CommandResult.Command.Name, HandOff.TokensAfter(parse, "mcp")));
    }

    [Theory]
    [InlineData("mcp --http --port 8765")]
    [InlineData("mcp install --claude")]
    [InlineData("mcp --help")]
    [InlineData("mcp --port 1")] // its error ("--port and --token-file go with --http") is the full binary's
    public void Mcp_over_http_install_and_help_stay_with_the_full_binary(string line)
    {
        var root = new RootCommand { HandOff.StandIn("mcp", "desc") };
        var parse = root.Parse(line);

        Assert.Same(SiblingBinary.Llm, HandOff.Target("mcp", HandOff.TokensAfter(parse, "mcp")));
    }

    [Fact]
    public void A_missing_binary_is_its_own_exit_code_with_one_line_naming_it_where_it_looked_and_how_to_install()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"zwarm-llm-missing-{Guid.NewGuid():N}");
        var root = new RootCommand { HandOff.StandIn("pilot", "desc") };
        string[] args = ["pilot", "--resume", "x"];
        var err = new StringWriter();
        var terminal = new Terminal(TextWriter.Null, err, colors: false);

        var code = HandOff.Run(root.Parse(args), args, new Dictionary<string, string?> { ["ZWARM_LLM_BIN"] = missing }, "/opt/zwarm/zwarm", terminal);

        Assert.Equal(ExitCodes.BinaryMissing, code);
        Assert.Equal(14, code);
        Assert.NotEqual(ExitCodes.AgentMissing, code);
        var line = Assert.Single(err.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("zwarm: 'zwarm pilot' runs in zwarm-llm, which is missing", line);
        Assert.Contains($"$ZWARM_LLM_BIN names {missing}", line);
        Assert.Contains("scripts/install.sh", line);
        Assert.Contains("dotnet tool install -g zwarm", line);
    }

    [Fact]
    public void Without_the_variable_the_message_names_the_file_beside_zwarm()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"zwarm-install-{Guid.NewGuid():N}");
        var terminal = new Terminal(TextWriter.Null, TextWriter.Null, colors: false);

        var error = HandOff.Exec(SiblingBinary.Llm, new Dictionary<string, string?>(), Path.Combine(directory, "zwarm"), "demo", ["demo"], terminal);

        Assert.Equal(ErrorKind.BinaryMissing, error.Kind);
        Assert.Contains($"looked for {Path.Combine(directory, "zwarm-llm")}, beside zwarm", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_file_that_cannot_be_executed_returns_the_reason_instead_of_replacing_the_process()
    {
        var file = Path.GetTempFileName(); // exists, not executable
        try
        {
            var reason = ProcessImage.Replace(file, [file]);
            Assert.Contains("denied", reason, StringComparison.OrdinalIgnoreCase);

            var error = HandOff.Exec(SiblingBinary.Llm, new Dictionary<string, string?> { ["ZWARM_LLM_BIN"] = file }, "/opt/zwarm/zwarm",
                "pilot", ["pilot"], new Terminal(TextWriter.Null, TextWriter.Null, colors: false));
            Assert.Equal(ErrorKind.BinaryMissing, error.Kind);
            Assert.Contains($"cannot run {file}", error.Message);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
