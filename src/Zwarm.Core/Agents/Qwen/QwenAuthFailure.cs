// Qwen Code's way of saying that its credential is rejected (0.24.4): the reply's text "[API Error: 401 <server's
// message>]" on an assistant line, then a result whose error.message repeats it. Qwen does not retry a 401.
using System.Text.Json;
using Zwarm.Core.Agents.Claude;

namespace Zwarm.Core.Agents.Qwen;

internal static class QwenAuthFailure
{
    private const string Marker = "[API Error: 401";

    public static string? Find(string line)
    {
        var trimmed = line.Trim();
        if (!trimmed.Contains(Marker, StringComparison.Ordinal))
        {
            return null;
        }
        if (!trimmed.StartsWith('{'))
        {
            return trimmed;
        }
        try
        {
            using var document = JsonDocument.Parse(trimmed);
            var root = document.RootElement;
            var text = root.Str("type") switch
            {
                "assistant" => ClaudeStreamParser.TextOf(root.Obj("message")?.Prop("content")),
                "result" => root.Obj("error")?.Str("message"),
                _ => null,
            };
            return text is not null && text.StartsWith(Marker, StringComparison.Ordinal) ? text : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
