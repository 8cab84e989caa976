using System.Text.Json;
using Zwarm.Cli.Tests.Support;

namespace Zwarm.Cli.Tests.Commands;

public sealed class ModelsCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Json_ListsBuiltInPricesWithTheirAliases()
    {
        var result = await _cli.RunAsync("models", "--json");

        Assert.Equal(0, result.ExitCode);
        var models = JsonDocument.Parse(result.Out).RootElement.EnumerateArray().ToList();
        var gpt = models.Single(m => m.GetProperty("model").GetString() == "gpt-5.5");
        Assert.Equal(5m, gpt.GetProperty("input").GetDecimal());
        Assert.Equal(30m, gpt.GetProperty("output").GetDecimal());
        Assert.Contains(models, m => m.GetProperty("aliases").EnumerateArray().Any(a => a.GetString() == "sonnet"));
    }

    [Fact]
    public async Task ConfigPricesAndAliases_ShowUp_AndAFilterNarrows()
    {
        await File.AppendAllTextAsync(Path.Combine(_cli.StateDir, "config.toml"), """

            [prices."acme-coder-1"]
            input = 1.5
            output = 6
            [price_aliases]
            acme = "acme-coder-1"
            """);

        var human = await _cli.RunAsync("models", "acme");
        var json = JsonDocument.Parse((await _cli.RunAsync("models", "acme", "--json")).Out).RootElement;

        Assert.Equal(0, human.ExitCode);
        Assert.Contains("acme-coder-1", human.Out);
        Assert.Contains("$1.50", human.Out);
        Assert.Contains("$6.00", human.Out);
        var row = Assert.Single(json.EnumerateArray().ToList());
        Assert.Equal(["acme"], row.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(1.5m, row.GetProperty("cached_input").GetDecimal());
    }

    [Fact]
    public async Task AFilterMatchingNothing_SaysSo()
    {
        var result = await _cli.RunAsync("models", "no-such-model-anywhere");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("no known model matches 'no-such-model-anywhere'", result.Err);
    }
}
