// BulkTextLimit: long outputs and reasoning are read only as far as a reader wants them, and what is kept is exactly
// the start of the full text (escapes, multi-byte characters and surrogate pairs included); messages are never cut.
using System.Text.Json;
using Zwarm.Core.Agents.Codex;
using Zwarm.Core.Events;

namespace Zwarm.Core.Tests.Agents.Codex;

public sealed class CodexBulkTextLimitTests
{
    private static readonly string LongText =
        string.Concat(Enumerable.Range(0, 40).Select(i => $"line {i}: \"quoted\" \\ tab\t é → 🚀\n"));

    private static string Line(string type, string text, string field = "text") => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["type"] = "item.completed",
        ["item"] = new Dictionary<string, object?>
        {
            ["id"] = "item_1", ["type"] = type, [field] = text,
            ["command"] = "ls", ["exit_code"] = 0, ["status"] = "completed",
        },
    });

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(601)]
    [InlineData(100_000)]
    public void OutputAndReasoning_AreCutToExactlyTheirFirstCharacters(int limit)
    {
        var parser = new CodexStreamParser { BulkTextLimit = limit };

        var events = Samples.ParseLines(parser,
            Line("command_execution", LongText, "aggregated_output"),
            Line("reasoning", LongText),
            Line("agent_message", LongText));

        var expected = LongText.Length > limit ? LongText[..limit] : LongText;
        Assert.Equal(expected, Assert.Single(events.OfType<CommandExecuted>()).Output);
        Assert.Equal(expected, Assert.Single(events.OfType<Reasoning>()).Text);
        Assert.Equal(LongText, Assert.Single(events.OfType<AssistantMessage>()).Text);
        Assert.Equal(0, parser.MalformedLines);
    }

    [Theory]
    [InlineData("codex_tool.jsonl")]
    [InlineData("codex_reasoning.jsonl")]
    [InlineData("codex_patch.jsonl")]
    public void Trajectory_IsTheSameWithTheLimitTrajReadsWith(string sample)
    {
        const int maxText = 20;

        var full = Samples.Parse(sample, new CodexStreamParser()).Select(e => Trajectory.ToStep(e, 1, maxText));
        var limited = Samples.Parse(sample, new CodexStreamParser { BulkTextLimit = maxText + 1 })
            .Select(e => Trajectory.ToStep(e, 1, maxText));

        // Compared as JSON: a step's Changes list is compared by reference otherwise.
        Assert.Equal(JsonSerializer.Serialize(full), JsonSerializer.Serialize(limited));
    }
}
