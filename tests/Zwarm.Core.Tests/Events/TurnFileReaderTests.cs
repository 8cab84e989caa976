// Reading whole turn files: bad lines are skipped and counted, never thrown, and huge lines do not break the reader.
using Zwarm.Core.Agents.Claude;
using Zwarm.Core.Agents.Codex;
using Zwarm.Core.Events;

namespace Zwarm.Core.Tests.Events;

public sealed class TurnFileReaderTests
{
    [Fact]
    public void CodexFile_WithNoiseTruncationAndBlankLines_YieldsTheGoodEvents()
    {
        using var dir = new TempDirectory();
        var path = dir.File("turn_1.jsonl");
        File.WriteAllText(path,
            "Reading prompt from stdin...\n"
            + "{\"type\":\"thread.started\",\"thread_id\":\"t\"}\r\n"
            + "\n   \n"
            + "2025-11-03T10:00:00Z ERROR codex_core::exec: boom\n"
            + "{\"type\":\"item.completed\",\"item\":{\"id\":\"a\",\"type\":\"agent_message\",\"text\":\"hi\"}}\n"
            + "{\"type\":\"mystery\"}\n"
            + "{\"type\":\"item.completed\",\"item\":{\"id\":\"b\",\"type\":\"agent_mes");   // killed mid-write
        var stats = new ParseStats();

        var events = TurnFileReader.ReadEvents(path, new CodexStreamParser(), stats).ToList();

        Assert.Equal(
            [new ConversationStarted("t"), new AssistantMessage("hi"), new UnknownEvent("mystery", "{\"type\":\"mystery\"}")],
            events);
        Assert.Equal(3, stats.MalformedLines);
        Assert.Equal(0, stats.OversizedLines);
    }

    [Fact]
    public void HugeLine_IsParsedWhole()
    {
        using var dir = new TempDirectory();
        var path = dir.File("turn_1.jsonl");
        var output = new string('x', 3 * 1024 * 1024);
        File.WriteAllText(path,
            "{\"type\":\"item.completed\",\"item\":{\"id\":\"c\",\"type\":\"command_execution\",\"command\":\"yes\","
            + $"\"aggregated_output\":\"{output}\",\"exit_code\":0,\"status\":\"completed\"}}}}\n"
            + "{\"type\":\"turn.completed\",\"usage\":{\"input_tokens\":3}}\n");

        var events = TurnFileReader.ReadEvents(path, new CodexStreamParser()).ToList();

        Assert.Equal(output, Assert.IsType<CommandExecuted>(events[1]).Output);
        Assert.IsType<TurnCompleted>(events[^1]);
    }

    [Fact]
    public void ClaudeFile_WithGarbage_SkipsItAndKeepsGoing()
    {
        using var dir = new TempDirectory();
        var path = dir.File("turn_1.jsonl");
        var hello = File.ReadAllLines(Samples.PathOf("claude_hello.jsonl"));
        File.WriteAllLines(path, [hello[0], "garbage", hello[1][..40], hello[1], hello[2]]);
        var stats = new ParseStats();

        var events = TurnFileReader.ReadEvents(path, new ClaudeStreamParser(), stats).ToList();

        Assert.Equal(4, events.Count);
        Assert.Equal(2, stats.MalformedLines);
        Assert.IsType<TurnCompleted>(events[^1]);
    }
}
