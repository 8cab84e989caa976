// opencode (1.18.33) asks its small model for a session title on the first turn of a session, beside the agent's own
// call: a Chat Completions request with no tools whose system message begins "You are a title generator". It is not
// part of the agent's turn, so it must not consume a scripted reply meant for the turn (the order of the two requests
// is not fixed): it is recorded without a call number, kept out of ModelCalls, and answered here with a short title.
using Zwarm.ScriptedModels.Requests;
using Zwarm.ScriptedModels.Scripting;

namespace Zwarm.ScriptedModels.Hosting;

internal static class TitleRequests
{
    public const string RuleName = "opencode title request";

    public static bool IsTitleRequest(ModelApi api, ParsedBody body) =>
        api == ModelApi.OpenAIChatCompletions && body.ToolNames.Count == 0
        && body.Messages.FirstOrDefault(m => m.Role == "system") is { } system
        && system.Text.StartsWith("You are a title generator", StringComparison.Ordinal);

    /// <summary>The first words of the prompt, as a title generator would answer.</summary>
    public static ScriptedReply Reply(ModelRequest request)
    {
        var words = request.LastUserText.Trim('"', ' ', '\n').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return Scripting.Reply.Text(words.Length == 0 ? "Scripted session" : string.Join(' ', words.Take(6)));
    }
}
