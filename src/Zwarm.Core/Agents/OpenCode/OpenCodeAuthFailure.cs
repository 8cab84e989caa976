// opencode's way of saying that its credential is rejected (1.18.33): one `error` event whose APIError has
// statusCode 401 (or 403), after which it exits 1 without retrying. A provider it cannot authenticate at all says
// ProviderAuthError.
using System.Text.Json;
using Zwarm.Core.Agents.Claude;

namespace Zwarm.Core.Agents.OpenCode;

internal static class OpenCodeAuthFailure
{
    public static string? Find(string line)
    {
        var trimmed = line.Trim();
        if (!trimmed.StartsWith('{') || !trimmed.Contains("\"error\"", StringComparison.Ordinal))
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(trimmed);
            var root = document.RootElement;
            if (root.Str("type") != "error")
            {
                return null;
            }
            var error = root.Obj("error");
            return OpenCodeError.Status(error) is 401 or 403 || error?.Str("name") == "ProviderAuthError"
                ? OpenCodeError.Describe(error)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
