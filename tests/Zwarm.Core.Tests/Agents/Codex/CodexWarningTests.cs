using Zwarm.Core.Agents.Codex;
using Zwarm.Core.Events;

namespace Zwarm.Core.Tests.Agents.Codex;

public sealed class CodexWarningTests
{
    private const string Metadata = "{\"type\":\"item.completed\",\"item\":{\"id\":\"item_0\",\"type\":\"error\",\"message\":\"Model metadata for `llama3.1` not found. Defaulting to fallback metadata; this can degrade performance and cause issues.\"}}";

    [Fact]
    public void TheModelMetadataNotice_IsAWarning_NotTheTurnsError()
    {
        var events = Samples.ParseLines(new CodexStreamParser(),
            "{\"type\":\"thread.started\",\"thread_id\":\"t1\"}", "{\"type\":\"turn.started\"}", Metadata,
            "{\"type\":\"item.completed\",\"item\":{\"id\":\"item_1\",\"type\":\"agent_message\",\"text\":\"hi\"}}",
            "{\"type\":\"turn.completed\",\"usage\":{\"input_tokens\":1,\"output_tokens\":1}}");

        var warning = Assert.Single(events.OfType<ErrorReported>());
        Assert.True(warning.IsWarning);
        Assert.Equal("warning", Trajectory.ToStep(warning, 1)!.Kind);
        var digest = new TurnDigestBuilder();
        foreach (var e in events) digest.Add(e);
        Assert.Null(digest.Build().LastError);
    }

    [Fact]
    public void ARealError_StaysAnError()
    {
        var events = Samples.ParseLines(new CodexStreamParser(), "{\"type\":\"error\",\"message\":\"unexpected status 401 Unauthorized\"}");

        var error = Assert.Single(events.OfType<ErrorReported>());
        Assert.False(error.IsWarning);
        Assert.Equal("error", Trajectory.ToStep(error, 1)!.Kind);
    }
}
