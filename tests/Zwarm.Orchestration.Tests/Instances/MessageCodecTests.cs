using Microsoft.Extensions.AI;
using Zwarm.Orchestration.Instances;
using Zwarm.Orchestration.Tests.Support;

namespace Zwarm.Orchestration.Tests.Instances;

public sealed class MessageCodecTests
{
    [Fact]
    public void Messages_with_calls_results_and_reasoning_round_trip_through_the_store()
    {
        using var dir = new TempDirectory();
        var store = new InstanceStore(dir.Path);
        var now = DateTimeOffset.UtcNow;
        store.Create(new InstanceState { Id = "rt", Task = "t", CreatedAt = now, UpdatedAt = now, WorkingDir = dir.Path });
        var messages = new List<ChatMessage>
        {
            new(ChatRole.System, "sys"),
            new(ChatRole.User, "task with \"quotes\" and ünïcode"),
            new(ChatRole.Assistant, [
                new TextReasoningContent("thinking") { ProtectedData = "enc" },
                new TextContent("calling"),
                new FunctionCallContent("c1", "delegate", new Dictionary<string, object?> { ["task"] = "x", ["n"] = 3, ["ids"] = new[] { "a" } }),
            ]),
            new(ChatRole.Tool, [new FunctionResultContent("c1", """{"session_id":"s"}""")]),
            new(ChatRole.User, "[CONTEXT COMPACTED]") { AuthorName = "zwarm-compaction" },
        };

        store.SaveMessages("rt", messages);
        var back = store.LoadMessages("rt");

        Assert.Equal(messages.Select(m => m.Role), back.Select(m => m.Role));
        Assert.Equal("task with \"quotes\" and ünïcode", back[1].Text);
        var reasoning = back[2].Contents.OfType<TextReasoningContent>().Single();
        Assert.Equal(("thinking", "enc"), (reasoning.Text, reasoning.ProtectedData));
        var call = back[2].Contents.OfType<FunctionCallContent>().Single();
        Assert.Equal(("c1", "delegate"), (call.CallId, call.Name));
        Assert.Equal("""{"task":"x","n":3,"ids":["a"]}""", MessageCodec.ArgumentsJson(call.Arguments));
        var result = back[3].Contents.OfType<FunctionResultContent>().Single();
        Assert.Equal("""{"session_id":"s"}""", MessageCodec.ResultText(result.Result));
        Assert.Equal("zwarm-compaction", back[4].AuthorName);
    }

    [Fact]
    public void The_event_log_skips_a_torn_last_line_and_unknown_lines()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "events.jsonl");
        File.WriteAllText(path, """
            {"ts":"2025-01-01T00:00:00+00:00","step":1,"kind":"step_started"}
            not json
            {"step":2,"kind":"future_kind","x":1}
            {"ts":"2025-01-01T00:00:01+00:00","step":2,"kind":"tool_ca
            """);

        var lines = EventLog.Read(path).ToList();

        Assert.Equal(["step_started", "future_kind"], lines.Select(l => l.Kind));
        Assert.Equal(2, lines[1].Step);
    }
}
