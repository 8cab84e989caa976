// Where Qwen Code sends its model calls: OPENAI_BASE_URL from the agent's environment, else the base URL in its user
// settings ($QWEN_HOME/settings.json, else ~/.qwen/settings.json: security.auth.baseUrl). null means the provider's
// public API (or something zwarm cannot tell, such as a modelProviders entry).
using System.Text.Json;
using Zwarm.Core.Agents.Claude;

namespace Zwarm.Core.Agents.Qwen;

internal static class QwenModelEndpoint
{
    public static string? Find(IReadOnlyDictionary<string, string?> environment)
    {
        if (environment.GetValueOrDefault("OPENAI_BASE_URL") is { Length: > 0 } url)
        {
            return url;
        }
        var path = SettingsPath(environment);
        if (path is null || !File.Exists(path))
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path),
                new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return document.RootElement.Obj("security")?.Obj("auth")?.Str("baseUrl") is { Length: > 0 } baseUrl ? baseUrl : null;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            // Qwen itself will complain about broken settings; zwarm only loses the endpoint it shows.
            return null;
        }
    }

    /// <summary>Qwen's user settings file: $QWEN_HOME/settings.json, else $HOME/.qwen/settings.json.</summary>
    public static string? SettingsPath(IReadOnlyDictionary<string, string?> environment) =>
        environment.GetValueOrDefault("QWEN_HOME") is { Length: > 0 } qwenHome ? Path.Combine(qwenHome, "settings.json")
        : environment.GetValueOrDefault("HOME") is { Length: > 0 } home ? Path.Combine(home, ".qwen", "settings.json")
        : null;
}
