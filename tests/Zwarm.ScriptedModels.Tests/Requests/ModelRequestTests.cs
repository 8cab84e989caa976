using Zwarm.ScriptedModels.Requests;

namespace Zwarm.ScriptedModels.Tests.Requests;

public sealed class ModelRequestTests
{
    private static ModelRequest Request(params ModelMessage[] messages) =>
        new(1, ModelApi.OpenAIResponses, "POST", "/v1/responses", "m", true, true, "{}", messages, []);

    [Fact]
    public void Working_directory_is_the_latest_announcement_after_a_claude_resume_elsewhere()
    {
        var request = Request(
            ModelMessage.OfText("system", "# Environment\n - Primary working directory: /a\n - Is a git repository: false"),
            ModelMessage.OfText("user", "second"),
            ModelMessage.OfText("system", "# Environment update\n - Primary working directory: /b b (was /a)"));

        Assert.Equal("/b b", request.WorkingDirectory);
    }

    [Fact]
    public void Working_directory_is_the_latest_codex_environment_context()
    {
        var request = Request(
            ModelMessage.OfText("user", "<environment_context>\n  <cwd>/a</cwd>\n</environment_context>"),
            ModelMessage.OfText("user", "first"),
            ModelMessage.OfText("user", "<environment_context>\n  <cwd>/b</cwd>\n</environment_context>"),
            ModelMessage.OfText("user", "second"));

        Assert.Equal("/b", request.WorkingDirectory);
        Assert.Equal("second", request.LastUserText);
        Assert.Equal(["first"], request.EarlierPrompts);
    }

    [Fact]
    public void Working_directory_is_the_one_qwen_code_announces()
    {
        var request = Request(
            ModelMessage.OfText("user", "This is the Qwen Code. Today's date is Monday.\nI'm currently working in the directory: /home/dev/my proj\nHere is the folder structure"),
            ModelMessage.OfText("user", "the task"));

        Assert.Equal("/home/dev/my proj", request.WorkingDirectory);
    }

    [Fact]
    public void Harness_context_is_not_counted_as_an_earlier_prompt()
    {
        var request = Request(
            ModelMessage.OfText("user", "# AGENTS.md instructions for /a\n\n<INSTRUCTIONS>be nice</INSTRUCTIONS>"),
            ModelMessage.OfText("user", "<system-reminder>only a reminder</system-reminder>"),
            ModelMessage.OfText("user", "the task"));

        Assert.Equal("the task", request.LastUserText);
        Assert.Empty(request.EarlierPrompts);
    }

    [Fact]
    public void Context_sent_after_the_prompt_does_not_hide_it_but_a_prompt_starting_with_a_tag_counts()
    {
        var request = Request(
            ModelMessage.OfText("user", "<div> is misaligned, fix it"),
            ModelMessage.OfText("user", "<environment_context>\n  <cwd>/a</cwd>\n</environment_context>"));

        Assert.Equal("<div> is misaligned, fix it", request.LastUserText);
    }

    [Fact]
    public void A_reminder_only_message_after_the_prompt_does_not_hide_it()
    {
        var request = Request(
            ModelMessage.OfText("user", "the task"),
            ModelMessage.OfText("user", "<system-reminder>late reminder</system-reminder>"));

        Assert.Equal("the task", request.LastUserText);
        Assert.Null(request.WorkingDirectory);
    }
}
