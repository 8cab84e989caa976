// Gemini CLI's ways of saying that its credential is missing or rejected (0.61.0): a result line whose error message
// quotes the API's 401/403 body ("[API Error: {"error":{"code":401,...,"status":"UNAUTHENTICATED"}}]"), and on stderr
// "Invalid auth method selected." (exit 41) or a complaint that GEMINI_API_KEY is not set. It does not retry a 401.
using System.Text.Json;
using Zwarm.Core.Agents.Claude;

namespace Zwarm.Core.Agents.Gemini;

internal static class GeminiAuthFailure
{
    public static string? Find(string line)
    {
        var trimmed = line.Trim();
        if (!trimmed.StartsWith('{'))
        {
            return trimmed.Contains("Invalid auth method selected", StringComparison.OrdinalIgnoreCase)
                   || trimmed.Contains("GEMINI_API_KEY environment variable not found", StringComparison.OrdinalIgnoreCase)
                   || trimmed.Contains("API key not valid", StringComparison.OrdinalIgnoreCase)
                ? trimmed
                : null;
        }
        if (!trimmed.Contains("401", StringComparison.Ordinal) && !trimmed.Contains("UNAUTHENTICATED", StringComparison.Ordinal)
            && !trimmed.Contains("API key not valid", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(trimmed);
            var root = document.RootElement;
            if (root.Str("type") is not ("result" or "error"))
            {
                return null;
            }
            var message = root.Obj("error")?.Str("message") ?? root.Str("message");
            return message is not null && IsAuth(message) ? message : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool IsAuth(string message) =>
        message.Contains("\"code\":401", StringComparison.Ordinal) || message.Contains("UNAUTHENTICATED", StringComparison.Ordinal)
        || message.Contains("API key not valid", StringComparison.OrdinalIgnoreCase);
}
