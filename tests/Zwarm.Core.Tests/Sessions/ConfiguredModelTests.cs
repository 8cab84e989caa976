// Regression: a Codex session started without a model used to record none (Codex's stream never names it), so `ls`
// showed "(default)" and no cost. zwarm now records the model Codex is configured with, prices the turn with it, and
// names it on follow-ups so every turn runs the same model.
using Zwarm.Core.Sessions;
using Zwarm.Core.Tests.Support;

namespace Zwarm.Core.Tests.Sessions;

public sealed class ConfiguredModelTests : IDisposable
{
    private readonly TempDirectory _codexHome = new();
    private readonly FakeAgentWorld _world;

    public ConfiguredModelTests()
    {
        File.WriteAllText(_codexHome.Combine("config.toml"), "model = \"gpt-5.5\"\n");
        _world = new FakeAgentWorld(extraEnv: new Dictionary<string, string?> { ["CODEX_HOME"] = _codexHome.Path });
    }

    public void Dispose()
    {
        _world.Dispose();
        _codexHome.Dispose();
    }

    [Fact]
    public async Task Codex_session_without_a_model_records_the_configured_one_and_its_cost()
    {
        var meta = await _world.SpawnAndWaitAsync("hello");

        Assert.Equal(SessionStatus.Completed, meta.Status);
        Assert.Equal("gpt-5.5", meta.Model);
        Assert.Equal("gpt-5.5", meta.Turns[0].Model);
        var usage = meta.Turns[0].Usage!;
        Assert.True(usage.InputTokens > 0);
        // gpt-5.5: $5 input, $0.50 cached input, $30 output per 1M tokens.
        var cached = usage.CachedInputTokens;
        Assert.Equal(((usage.InputTokens - cached) * 5m + cached * 0.50m + usage.OutputTokens * 30m) / 1_000_000m, meta.CostUsd);
    }

    [Fact]
    public async Task Follow_up_names_the_recorded_model()
    {
        var meta = await _world.SpawnAndWaitAsync("hello");

        await _world.Sessions.ContinueAsync(meta.Id, "again", CancellationToken.None);
        var after = await _world.WaitAsync(meta.Id);

        Assert.Equal(SessionStatus.Completed, after.Status);
        Assert.Equal("gpt-5.5", after.Turns[1].Model);
        Assert.NotNull(after.Turns[1].CostUsd);
    }

    [Fact]
    public async Task An_explicit_model_wins_over_the_configured_one()
    {
        var meta = await _world.Sessions.StartAsync(new StartRequest("hello", "codex", Model: "o3"), CancellationToken.None);

        Assert.Equal("o3", (await _world.WaitAsync(meta.Id)).Model);
    }
}
