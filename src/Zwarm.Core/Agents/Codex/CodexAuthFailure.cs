// Codex's ways of saying that its credential is missing or rejected (codex-cli 0.169.0): a stream event
// `{"type":"error","message":"unexpected status 401 Unauthorized: ..."}` (also inside "Reconnecting... n/m" retries
// and turn.failed), and at start-up on stderr "Missing environment variable: `KEY`" or "Not logged in".
using System.Text.Json;

namespace Zwarm.Core.Agents.Codex;

internal static class CodexAuthFailure
{
    private static readonly string[] Markers =
    [
        "401 Unauthorized", "Missing environment variable", "Not logged in", "invalid_api_key", "Incorrect API key",
    ];

    public static string? Find(string line)
    {
        if (!Markers.Any(m => line.Contains(m, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }
        var trimmed = line.Trim();
        if (!trimmed.StartsWith('{'))
        {
            return trimmed;
        }
        try
        {
            using var document = JsonDocument.Parse(trimmed);
            var root = document.RootElement;
            if (root.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String)
            {
                return message.GetString();
            }
            if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
                && error.TryGetProperty("message", out var inner) && inner.ValueKind == JsonValueKind.String)
            {
                return inner.GetString();
            }
            // A marker inside some other event (a command's output quoting "401 Unauthorized") is not the agent's own failure.
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
