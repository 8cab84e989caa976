using System.Text.Json.Nodes;

namespace Zwarm.ScriptedModels.Protocols;

/// <summary>OpenAI-shaped error bodies: <c>{"error":{"message","type","param","code"}}</c>.</summary>
internal static class OpenAIErrors
{
    public static JsonObject Body(int statusCode, string message)
    {
        var (type, code) = statusCode switch
        {
            401 => ("invalid_request_error", "invalid_api_key"),
            403 => ("invalid_request_error", "forbidden"),
            404 => ("invalid_request_error", "not_found"),
            429 => ("rate_limit_error", "rate_limit_exceeded"),
            >= 500 => ("server_error", "server_error"),
            _ => ("invalid_request_error", "invalid_request"),
        };
        return new JsonObject
        {
            ["error"] = new JsonObject { ["message"] = message, ["type"] = type, ["param"] = null, ["code"] = code },
        };
    }
}
