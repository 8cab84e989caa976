// The request mapping without a server: system prompts, dropped unsigned reasoning, redacted thinking, thinking budgets.
using System.Text.Json;
using Microsoft.Extensions.AI;
using Zwarm.Orchestration.Llm.Anthropic;

namespace Zwarm.Orchestration.Tests.Llm.Anthropic;

public sealed class MessageMapperTests
{
    [Fact]
    public void System_messages_join_into_system_and_leave_the_messages()
    {
        var request = MessageMapper.ToRequest(
            [new(ChatRole.System, "one"), new(ChatRole.User, "hi"), new(ChatRole.System, "two")], null, "m", 100, stream: false);

        Assert.Equal("one\n\ntwo", request.System);
        var message = Assert.Single(request.Messages);
        Assert.Equal("user", message.Role);
        Assert.Equal("hi", Assert.Single(message.Content).Text);
        Assert.Null(request.Tools);
        Assert.Null(request.ToolChoice);
        Assert.Null(request.Stream);
    }

    [Fact]
    public void Unsigned_reasoning_is_dropped_and_signed_pieces_join_into_one_thinking_block()
    {
        ChatMessage assistant = new(ChatRole.Assistant,
        [
            new TextReasoningContent("from another provider"),
            new TextContent("a"),
            new TextReasoningContent("part 1, "),
            new TextReasoningContent("part 2") { ProtectedData = "sig" },
            new FunctionCallContent("toolu_1", "exit", new Dictionary<string, object?> { ["summary"] = "s" }),
        ]);

        var blocks = MessageMapper.ToRequest([new(ChatRole.User, "hi"), assistant], null, "m", 100, stream: true).Messages[1].Content;

        Assert.Equal(["text", "thinking", "tool_use"], blocks.Select(b => b.Type));
        Assert.Equal("part 1, part 2", blocks[1].Thinking);
        Assert.Equal("sig", blocks[1].Signature);
        Assert.Equal("""{"summary":"s"}""", blocks[2].Input?.GetRawText());
    }

    [Fact]
    public void Redacted_thinking_goes_back_as_it_came()
    {
        var reply = ReplyMapper.ToContent(new ContentBlock { Type = "redacted_thinking", Data = "EncryptedStuff==" });
        var reasoning = Assert.IsType<TextReasoningContent>(reply);

        var blocks = MessageMapper.ToRequest([new(ChatRole.User, "hi"), new(ChatRole.Assistant, [reasoning])], null, "m", 100, false)
            .Messages[1].Content;

        var block = Assert.Single(blocks);
        Assert.Equal("redacted_thinking", block.Type);
        Assert.Equal("EncryptedStuff==", block.Data);
        Assert.Null(block.Signature);
    }

    [Fact]
    public void Tool_results_open_their_user_message_and_errors_are_marked()
    {
        ChatMessage tool = new(ChatRole.Tool,
        [
            new TextContent("note"),
            new FunctionResultContent("toolu_1", null) { Exception = new InvalidOperationException("boom") },
        ]);

        var message = MessageMapper.ToRequest([new(ChatRole.User, "hi"), tool], null, "m", 100, false).Messages[1];

        Assert.Equal("user", message.Role);
        Assert.Equal(["tool_result", "text"], message.Content.Select(b => b.Type));
        Assert.Equal("toolu_1", message.Content[0].ToolUseId);
        Assert.Equal("boom", message.Content[0].Content);
        Assert.True(message.Content[0].IsError);
    }

    [Theory]
    [InlineData(null, null, 8192, null)]
    [InlineData(ReasoningEffort.None, null, 8192, null)]
    [InlineData(ReasoningEffort.Low, null, 8192, 2048)]
    [InlineData(ReasoningEffort.High, null, 20480, 16384)]
    [InlineData(ReasoningEffort.Medium, 4096, 4096, 2048)]
    [InlineData(ReasoningEffort.Low, 1500, 1500, null)]
    public void Effort_becomes_a_thinking_budget_below_max_tokens(ReasoningEffort? effort, int? explicitMax, int maxTokens, int? budget)
    {
        var fit = ThinkingBudget.Fit(effort, explicitMax, 8192);

        Assert.Equal((maxTokens, budget), fit);
        Assert.True(budget is null || (budget >= ThinkingBudget.Minimum && budget < maxTokens));
    }

    [Fact]
    public void Thinking_turns_off_temperature_and_options_pick_the_model()
    {
        var options = new ChatOptions { ModelId = "claude-x", Temperature = 0.5f, Reasoning = new ReasoningOptions { Effort = ReasoningEffort.Low } };

        var request = MessageMapper.ToRequest([new(ChatRole.User, "hi")], options, "m", 8192, false);
        var json = JsonSerializer.Serialize(request, AnthropicJsonContext.Wire.MessagesRequest);

        Assert.Equal("claude-x", request.Model);
        Assert.Null(request.Temperature);
        Assert.Contains("\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":2048}", json);
        Assert.DoesNotContain("temperature", json);
    }
}
