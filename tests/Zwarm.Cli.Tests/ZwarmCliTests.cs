using Zwarm.Cli.Infrastructure;
using Zwarm.Cli.Tests.Support;

namespace Zwarm.Cli.Tests;

public sealed class ZwarmCliTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Verbs_AreNamedAsTheirCommands()
    {
        var actions = new CommandActions(new Terminal(TextWriter.Null, TextWriter.Null, colors: false), new ContextFactory());

        foreach (var (name, create) in ZwarmCli.Verbs)
        {
            Assert.Equal(name, create(actions).Name);
        }
        Assert.Equal(ZwarmCli.Verbs.Length, ZwarmCli.Build(actions).Subcommands.Count);
        Assert.Single(ZwarmCli.Build(actions, "ls").Subcommands);
    }

    [Fact]
    public async Task AVerbFirst_AnAlias_OrOptionsFirst_AllReachTheCommand()
    {
        Assert.Equal("[]", (await _cli.RunAsync("ls", "--json")).Out.Trim());
        Assert.Equal("[]", (await _cli.RunAsync("list", "--json")).Out.Trim());
        Assert.Equal("[]", (await _cli.RunAsync("--state-dir", _cli.StateDir, "ls", "--json")).Out.Trim());

        var help = await _cli.RunAsync("ls", "--help");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("--status", help.Out);

        var wrong = await _cli.RunAsync("ls", "--no-such-option");
        Assert.Equal(ExitCodes.Usage, wrong.ExitCode);
        Assert.Contains("zwarm ls --help", wrong.Err);
    }
}
