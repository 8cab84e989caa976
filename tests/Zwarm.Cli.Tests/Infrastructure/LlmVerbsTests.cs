// The native `zwarm` hands orchestrate / pilot / demo to `zwarm-llm` (Infrastructure/LlmVerbs.cs): where it looks for
// it, that the whole command line (help and unknown options included) reaches the stand-in, and the one-line errors
// when the full binary is missing or cannot run. The exec itself is exercised by the native build (bench, install).
using System.CommandLine;
using Zwarm.Cli.Infrastructure;
using Zwarm.Core;
using Zwarm.Core.Processes;

namespace Zwarm.Cli.Tests.Infrastructure;

public sealed class LlmVerbsTests
{
    [Fact]
    public void The_full_binary_is_beside_the_running_one_unless_the_variable_names_it()
    {
        var empty = new Dictionary<string, string?>();
        Assert.Equal("/opt/zwarm/zwarm-llm", LlmVerbs.Resolve(empty, "/opt/zwarm/zwarm"));
        Assert.Equal("/x/full", LlmVerbs.Resolve(new Dictionary<string, string?> { [LlmVerbs.BinaryVariable] = "/x/full" }, "/opt/zwarm/zwarm"));
        Assert.Equal("/opt/zwarm/zwarm-llm", LlmVerbs.Resolve(new Dictionary<string, string?> { [LlmVerbs.BinaryVariable] = "" }, "/opt/zwarm/zwarm"));
    }

    [Fact]
    public void A_stand_in_receives_any_command_line_so_it_can_be_forwarded_whole()
    {
        var root = new RootCommand { LlmVerbs.StandIn("orchestrate", "desc") };
        foreach (var args in new[] { new[] { "orchestrate", "--help" }, ["orchestrate", "-t", "task", "--no-such-flag"], ["orchestrate"] })
        {
            var parse = root.Parse(args);
            Assert.True(LlmVerbs.IsStandIn(parse.CommandResult.Command), string.Join(' ', args));
        }
        Assert.False(LlmVerbs.IsStandIn(root));
    }

    [Fact]
    public void A_missing_full_binary_is_one_line_naming_it_and_how_to_install()
    {
        var terminal = new Terminal(TextWriter.Null, TextWriter.Null, colors: false);
        var missing = Path.Combine(Path.GetTempPath(), $"zwarm-llm-missing-{Guid.NewGuid():N}");

        var error = LlmVerbs.Exec(missing, "pilot", ["pilot"], terminal);

        Assert.Equal(ErrorKind.AgentMissing, error.Kind);
        Assert.Contains(missing, error.Message);
        Assert.Contains("scripts/install.sh", error.Message);
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
        }
        finally
        {
            File.Delete(file);
        }
    }
}
