// Where Codex sends its model calls: the base_url of the model provider its config.toml selects ($CODEX_HOME, else
// ~/.codex). null when the provider is OpenAI's own (the public API). The two built-in local providers of codex-cli
// 0.169 ("ollama", "lmstudio") have default ports.
using Zwarm.Core.Config;

namespace Zwarm.Core.Agents.Codex;

internal static class CodexModelEndpoint
{
    public static string? Find(IReadOnlyDictionary<string, string?> environment)
    {
        var path = environment.GetValueOrDefault("CODEX_HOME") is { Length: > 0 } home
            ? Path.Combine(home, "config.toml")
            : environment.GetValueOrDefault("HOME") is { Length: > 0 } h ? Path.Combine(h, ".codex", "config.toml") : null;
        if (path is null || !File.Exists(path))
        {
            return null;
        }
        try
        {
            var root = ConfigDocument.Parse(File.ReadAllText(path), path).Root;
            var provider = root.GetString("model_provider");
            if (provider is null or "openai")
            {
                return null;
            }
            if (root.GetSection("model_providers")?.GetSection(provider)?.GetString("base_url") is { Length: > 0 } url)
            {
                return url;
            }
            return provider switch
            {
                "ollama" => "http://localhost:11434/v1",
                "lmstudio" => "http://localhost:1234/v1",
                _ => null,
            };
        }
        catch (Exception e) when (e is ZwarmException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
