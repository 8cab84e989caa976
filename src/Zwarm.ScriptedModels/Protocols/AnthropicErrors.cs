using System.Text.Json.Nodes;

namespace Zwarm.ScriptedModels.Protocols;

/// <summary>Anthropic-shaped error bodies: <c>{"type":"error","error":{"type","message"}}</c>.</summary>
internal static class AnthropicErrors
{
    public static JsonObject Body(int statusCode, string message)
    {
        var type = statusCode switch
        {
            400 => "invalid_request_error",
            401 => "authentication_error",
            403 => "permission_error",
            404 => "not_found_error",
            413 => "request_too_large",
            429 => "rate_limit_error",
            529 => "overloaded_error",
            _ => "api_error",
        };
        return new JsonObject
        {
            ["type"] = "error",
            ["error"] = new JsonObject { ["type"] = type, ["message"] = message },
        };
    }
}
