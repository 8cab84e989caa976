// Claude Code's ways of saying that its credential is missing or rejected (2.1.330): a synthetic assistant line whose
// text is "API Error: 401 ..." or "Invalid API key · Please run /login", a `system/api_retry` line with
// error_status 401 (it retries a 401 for minutes unless CLAUDE_CODE_MAX_RETRIES=0), and a result with
// api_error_status 401.
using System.Text.Json;

namespace Zwarm.Core.Agents.Claude;

internal static class ClaudeAuthFailure
{
    public static string? Find(string line)
    {
        var trimmed = line.Trim();
        if (!trimmed.StartsWith('{'))
        {
            return trimmed.Contains("Invalid API key", StringComparison.OrdinalIgnoreCase)
                   || trimmed.Contains("Not logged in", StringComparison.OrdinalIgnoreCase) ? trimmed : null;
        }
        if (!trimmed.Contains("401", StringComparison.Ordinal) && !trimmed.Contains("Invalid API key", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(trimmed);
            var root = document.RootElement;
            var type = root.Str("type");
            if (type == "system" && root.Str("subtype") == "api_retry" && root.Long("error_status") == 401)
            {
                return $"API Error: 401 {root.Str("error") ?? "authentication failed"}";
            }
            if (type == "result" && root.Long("api_error_status") == 401)
            {
                return root.Str("result") is { Length: > 0 } result ? result : "API Error: 401";
            }
            if (type == "assistant" && root.Obj("message") is { } message && message.Str("model") == "<synthetic>")
            {
                var text = ClaudeStreamParser.TextOf(message.Prop("content"));
                return text.Contains("401", StringComparison.Ordinal) || text.Contains("Invalid API key", StringComparison.OrdinalIgnoreCase)
                    ? text
                    : null;
            }
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
