// The deterministic "model" behind `zwarm demo`: real Codex / Claude Code sessions do visible, real work with no
// API key. A shell command in backticks is run through the CLI's own shell tool and its output summarized;
// follow-ups are acknowledged with a reference to the earlier turn; anything else gets a friendly canned answer.
using System.Text;
using System.Text.RegularExpressions;
using Zwarm.ScriptedModels.Requests;
using Zwarm.ScriptedModels.Scripting;

namespace Zwarm.ScriptedModels.Demo;

public static partial class DemoScript
{
    public static ModelScript Create() => ModelScript.FromFunction(Reply);

    public static ScriptedReply Reply(ModelRequest request)
    {
        if (request.PendingToolResults.Count > 0) return Summarize(request, request.PendingToolResults[^1]);

        var prompt = request.LastUserText;
        if (BacktickCommand().Match(prompt) is { Success: true } command)
        {
            var cmd = command.Groups[1].Value.Trim();
            return Scripting.Reply.Parts(
                new ReasoningPart($"The task names a shell command, `{cmd}`. I'll run it in the working directory and report what it prints."),
                new TextPart($"Running `{cmd}`."),
                new ShellCallPart(cmd));
        }

        if (request.EarlierPrompts.Count > 0)
        {
            var earlier = request.EarlierPrompts[0];
            var answer = request.EarlierAssistantTexts.Count > 0
                ? $" and I answered: \"{Shorten(request.EarlierAssistantTexts[^1], 160)}\""
                : "";
            return Scripting.Reply.Text(
                $"Got it: \"{Shorten(prompt, 200)}\". This is turn {request.EarlierPrompts.Count + 1} of our conversation; " +
                $"earlier you asked: \"{Shorten(earlier, 160)}\"{answer}.");
        }

        return Scripting.Reply.Text(
            $"Hello from zwarm's scripted demo model! You asked: \"{Shorten(prompt, 200)}\". I am a deterministic stand-in " +
            "for a real LLM: put a shell command in backticks (for example `ls -la`) and I will run it in this " +
            "session's working directory, then tell you what it printed.");
    }

    private static ContentReply Summarize(ModelRequest request, ModelToolResult result)
    {
        var command = request.FindToolCall(result.CallId) is { } call ? CommandOf(call.Arguments) : null;
        var (output, exitCode) = CleanOutput(result.Output);
        var text = new StringBuilder(command is null ? "I ran the command" : $"I ran `{command}`");
        if (result.IsError) text.Append(", but it could not run: ").Append(Shorten(output, 400)).Append('.');
        else if (output.Length == 0) text.Append(". It finished without printing anything.");
        else text.Append(". It printed:\n\n```\n").Append(output).Append("\n```");
        if (exitCode is { } code) text.Append("\n\nExit code ").Append(code).Append(code == "0" ? " (success)." : ".");
        return Scripting.Reply.Text(text.ToString());
    }

    /// <summary>The command out of shell tool arguments (<c>cmd</c> for Codex, <c>command</c> for Claude Code).</summary>
    private static string? CommandOf(string argumentsJson)
    {
        var args = Json.TryParse(argumentsJson);
        return Json.String(args, "cmd") ?? Json.String(args, "command");
    }

    /// <summary>
    /// The command's own output: Codex wraps it ("Chunk ID … Process exited with code N … Output:\n…"),
    /// Claude Code may append system reminders. Long output is cut to its first lines.
    /// </summary>
    private static (string Output, string? ExitCode) CleanOutput(string raw)
    {
        var text = ModelRequest.StripReminders(raw);
        var exit = ExitCodeLine().Match(text);
        var marker = text.IndexOf("Output:\n", StringComparison.Ordinal);
        if (marker >= 0) text = text[(marker + "Output:\n".Length)..];
        var lines = text.Trim().Split('\n');
        var kept = string.Join('\n', lines.Take(20));
        if (lines.Length > 20) kept += $"\n… ({lines.Length - 20} more lines)";
        return (Shorten(kept, 2000), exit.Success ? exit.Groups[1].Value : null);
    }

    private static string Shorten(string text, int max)
    {
        text = text.Trim();
        return text.Length <= max ? text : text[..max] + "…";
    }

    [GeneratedRegex(@"`([^`\r\n]+)`")]
    private static partial Regex BacktickCommand();

    [GeneratedRegex(@"Process exited with code (-?\d+)")]
    private static partial Regex ExitCodeLine();
}
