// opencode's `error` event: {"type":"error","sessionID":..,"error":{"name":"APIError","data":{"message":..,
// "statusCode":401,"isRetryable":false,"responseBody":..}}} (1.18.33). Other names (ProviderAuthError,
// UnknownError, ...) carry data.message too. The status is put in front, so a 401 reads as one whatever the
// server's wording.
using System.Text.Json;
using Zwarm.Core.Agents.Claude;

namespace Zwarm.Core.Agents.OpenCode;

internal static class OpenCodeError
{
    /// <summary>"APIError 401: Incorrect API key provided", from the event's "error" object.</summary>
    public static string Describe(JsonElement? error)
    {
        if (error is not { ValueKind: JsonValueKind.Object } e)
        {
            return "opencode reported an error";
        }
        var name = e.Str("name") ?? "Error";
        var data = e.Obj("data");
        var status = data?.Long("statusCode") ?? 0;
        var message = data?.Str("message") ?? e.Str("message") ?? "no message";
        return status > 0 ? $"{name} {status}: {message}" : $"{name}: {message}";
    }
}
