// A request as the scripted server saw it: what a test asserts on and what a script rule matches against.
using System.Text.RegularExpressions;

namespace Zwarm.ScriptedModels.Requests;

/// <summary>
/// One recorded request. <see cref="Number"/> is its 1-based arrival order on the server; <see cref="Body"/> is the
/// raw JSON body (empty when none); <see cref="Messages"/> is the normalized conversation, led by the system prompt
/// or instructions as a <c>system</c> message when the request has one. The API key itself is never kept, only
/// whether one was sent (<see cref="HasAuthorization"/>).
/// </summary>
public sealed partial record ModelRequest(
    int Number,
    ModelApi Api,
    string Method,
    string Path,
    string? Model,
    bool Stream,
    bool HasAuthorization,
    string Body,
    IReadOnlyList<ModelMessage> Messages,
    IReadOnlyList<string> ToolNames)
{
    /// <summary>1-based order among the model calls (Responses, Chat, Messages) of the server; 0 for other requests.</summary>
    public int CallNumber { get; init; }

    /// <summary>Name of the script rule that answered this request (null if none did or it was not a model call).</summary>
    public string? MatchedRule { get; init; }

    /// <summary>
    /// Index of the last user prompt (a user message with text and no tool results that is not just CLI context such
    /// as Codex's environment context or a system reminder), or -1.
    /// </summary>
    public int LastPromptIndex
    {
        get
        {
            for (int i = Messages.Count - 1; i >= 0; i--)
            {
                if (Messages[i].IsPrompt && StripReminders(Messages[i].Text) is { Length: > 0 } text && !IsHarnessText(text)) return i;
            }
            return -1;
        }
    }

    /// <summary>
    /// The text of the latest user prompt, without Claude Code's <c>&lt;system-reminder&gt;</c> sections; empty
    /// when there is none. Tool-result messages are skipped, so this stays the turn's prompt during a tool loop.
    /// </summary>
    public string LastUserText => LastPromptIndex is var i and >= 0 ? StripReminders(Messages[i].Text) : "";

    /// <summary>Tool results sent after the latest prompt: non-empty when this request continues a tool loop.</summary>
    public IReadOnlyList<ModelToolResult> PendingToolResults =>
        [.. Messages.Skip(LastPromptIndex + 1).SelectMany(m => m.ToolResults)];

    /// <summary>Every tool call in the history, oldest first.</summary>
    public IEnumerable<ModelToolCall> ToolCalls => Messages.SelectMany(m => m.ToolCalls);

    /// <summary>Every tool result in the history, oldest first.</summary>
    public IEnumerable<ModelToolResult> ToolResults => Messages.SelectMany(m => m.ToolResults);

    /// <summary>Earlier user prompts (before the latest one), without system reminders: the history of a follow-up.</summary>
    public IReadOnlyList<string> EarlierPrompts =>
        [.. Messages.Take(Math.Max(LastPromptIndex, 0)).Where(m => m.IsPrompt).Select(m => StripReminders(m.Text))
            .Where(t => t.Length > 0 && !IsHarnessText(t))];

    /// <summary>Assistant texts before the latest prompt: what the model said in earlier turns.</summary>
    public IReadOnlyList<string> EarlierAssistantTexts =>
        [.. Messages.Take(Math.Max(LastPromptIndex, 0)).Where(m => m.Role == "assistant" && m.Text.Length > 0).Select(m => m.Text)];

    /// <summary>The tool call a result answers, if the history still carries it.</summary>
    public ModelToolCall? FindToolCall(string callId) => ToolCalls.LastOrDefault(c => c.CallId == callId);

    /// <summary>
    /// The agent's working directory as the CLI last announced it in the conversation (Codex: <c>&lt;cwd&gt;</c> in an
    /// environment context; Claude Code: "Primary working directory:", updated after a resume elsewhere; Gemini CLI: the
    /// first of its session context's workspace directories; Qwen Code: "I'm currently working in the directory:"), or null.
    /// </summary>
    public string? WorkingDirectory
    {
        get
        {
            for (int i = Messages.Count - 1; i >= 0; i--)
            {
                var matches = WorkingDirectoryPattern().Matches(Messages[i].Text);
                if (matches.Count == 0) continue;
                var last = matches[^1];
                return last.Groups.Values.Skip(1).First(g => g.Success).Value.Trim();
            }
            return null;
        }
    }

    public bool AdvertisesTool(string name) => ToolNames.Contains(name, StringComparer.Ordinal);

    /// <summary>Context the CLIs send as user messages (Codex's environment context and AGENTS.md), not prompts.</summary>
    private static bool IsHarnessText(string text) =>
        text.StartsWith("<environment_context>", StringComparison.Ordinal) ||
        text.StartsWith("<user_instructions>", StringComparison.Ordinal) ||
        text.StartsWith("# AGENTS.md instructions", StringComparison.Ordinal) ||
        text.StartsWith(GeminiBodyParser.SessionContextTag, StringComparison.Ordinal);

    /// <summary>Removes <c>&lt;system-reminder&gt;…&lt;/system-reminder&gt;</c> sections and trims.</summary>
    public static string StripReminders(string text) => ReminderPattern().Replace(text, "").Trim();

    [GeneratedRegex(@"<system-reminder>.*?(</system-reminder>|$)", RegexOptions.Singleline)]
    private static partial Regex ReminderPattern();

    // Codex <cwd>, Claude Code "Primary working directory:", Gemini CLI's first "**Workspace Directories:**" entry, Qwen Code.
    [GeneratedRegex(@"<cwd>([^<]+)</cwd>|Primary working directory:[ \t]*([^\r\n]+?)(?:[ \t]+\(was [^\r\n]*\))?[ \t]*$|\*\*Workspace Directories:\*\*[ \t]*\r?\n[ \t]*- ([^\r\n]+)|I'm currently working in the directory:[ \t]*([^\r\n]+?)[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex WorkingDirectoryPattern();
}
