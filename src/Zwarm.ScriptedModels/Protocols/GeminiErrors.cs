using System.Text.Json.Nodes;

namespace Zwarm.ScriptedModels.Protocols;

/// <summary>Google-shaped error bodies: <c>{"error":{"code","message","status"}}</c> (Gemini CLI quotes them whole).</summary>
internal static class GeminiErrors
{
    public static JsonObject Body(int statusCode, string message) => new()
    {
        ["error"] = new JsonObject { ["code"] = statusCode, ["message"] = message, ["status"] = Status(statusCode) },
    };

    // google.rpc.Code names, as the Generative Language API reports them.
    private static string Status(int statusCode) => statusCode switch
    {
        400 => "INVALID_ARGUMENT",
        401 => "UNAUTHENTICATED",
        403 => "PERMISSION_DENIED",
        404 => "NOT_FOUND",
        409 => "ABORTED",
        429 => "RESOURCE_EXHAUSTED",
        499 => "CANCELLED",
        501 => "UNIMPLEMENTED",
        503 => "UNAVAILABLE",
        504 => "DEADLINE_EXCEEDED",
        _ => "INTERNAL",
    };
}
