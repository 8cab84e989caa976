// `zwarm configs list | show`: the layers in order, the settings given (file + --set) as TOML, validation as usual.
using Zwarm.Cli.Infrastructure;
using Zwarm.Cli.Tests.Support;

namespace Zwarm.Cli.Tests.Commands;

public sealed class ConfigsCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task List_names_the_file_and_the_overrides_in_order()
    {
        var list = await _cli.RunAsync("--set", "executor.model=gpt-5", "configs", "list");

        Assert.Equal(0, list.ExitCode);
        var lines = list.Out.Trim().Split('\n');
        Assert.StartsWith("1. built-in defaults", lines[0]);
        Assert.Equal($"2. {Path.Combine(_cli.StateDir, "config.toml")}", lines[1]);
        Assert.Equal("3. --set executor.model=gpt-5", lines[2]);
    }

    [Fact]
    public async Task Show_prints_the_file_with_overrides_applied_and_rejects_unknown_keys()
    {
        var show = await _cli.RunAsync("--set", "executor.model=gpt-5", "--set", "watchers.budget.max_cost_usd=3", "configs", "show");
        var bad = await _cli.RunAsync("--set", "executor.modle=x", "config", "show");

        Assert.Equal(0, show.ExitCode);
        Assert.Contains("model = \"gpt-5\"", show.Out);
        Assert.Contains("kill_grace_seconds = 1", show.Out); // from the file
        Assert.Contains("[watchers.budget]\nmax_cost_usd = 3", show.Out);
        Assert.Equal(ExitCodes.ConfigError, bad.ExitCode);
        Assert.Contains("unknown key 'executor.modle'", bad.Err);
    }

    [Fact]
    public async Task Show_with_no_settings_says_every_key_is_at_its_default()
    {
        File.Delete(Path.Combine(_cli.StateDir, "config.toml"));

        var show = await _cli.RunAsync("configs", "show");

        Assert.Equal(0, show.ExitCode);
        Assert.Equal("", show.Out);
        Assert.Contains("every key has its default", show.Err);
    }
}
