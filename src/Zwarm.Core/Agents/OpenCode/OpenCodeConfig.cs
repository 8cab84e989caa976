// What opencode's configuration says about its model and the server it calls, read where opencode reads it (1.18.33),
// highest precedence first: `-m/--model` among the adapter's extra args, OPENCODE_CONFIG_CONTENT (JSON in the
// environment, what `zwarm agents use-local opencode` writes), the file named by OPENCODE_CONFIG, then the global
// $XDG_CONFIG_HOME/opencode/opencode.json[c] (default ~/.config/opencode). A project's own opencode.json is not read:
// zwarm only loses a price estimate then. Everything here is untrusted input: a broken file reads as "not set".
using System.Text.Json;

namespace Zwarm.Core.Agents.OpenCode;

internal static class OpenCodeConfig
{
    public const string ContentVariable = "OPENCODE_CONFIG_CONTENT";
    public const string FileVariable = "OPENCODE_CONFIG";

    private static readonly JsonDocumentOptions Lenient = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>The model ("provider/model") and the base URL of that model's provider, each null when unknown.</summary>
    public static (string? Model, string? BaseUrl) Read(IReadOnlyList<string> extraArgs, IReadOnlyDictionary<string, string?> environment)
    {
        var sources = Sources(environment).ToList();
        var model = ModelArgument(extraArgs) ?? sources.Select(s => Text(s, "model")).FirstOrDefault(m => m is not null);
        string? baseUrl = null;
        if (model?.IndexOf('/') is > 0 and var slash)
        {
            var provider = model[..slash];
            baseUrl = sources.Select(s => BaseUrlOf(s, provider)).FirstOrDefault(u => u is not null);
        }
        return (model, baseUrl);
    }

    private static string? ModelArgument(IReadOnlyList<string> args)
    {
        string? model = null;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] is "-m" or "--model" && i + 1 < args.Count) model = args[++i];
            else if (args[i].StartsWith("--model=", StringComparison.Ordinal)) model = args[i]["--model=".Length..];
        }
        return string.IsNullOrWhiteSpace(model) ? null : model;
    }

    private static IEnumerable<JsonElement> Sources(IReadOnlyDictionary<string, string?> environment)
    {
        if (Parse(environment.GetValueOrDefault(ContentVariable)) is { } content) yield return content;
        if (environment.GetValueOrDefault(FileVariable) is { Length: > 0 } file && Parse(ReadFile(file)) is { } named) yield return named;
        var configHome = environment.GetValueOrDefault("XDG_CONFIG_HOME") is { Length: > 0 } xdg ? xdg
            : environment.GetValueOrDefault("HOME") is { Length: > 0 } home ? Path.Combine(home, ".config") : null;
        if (configHome is null) yield break;
        foreach (var name in (string[])["opencode.jsonc", "opencode.json", "config.json"])
        {
            if (Parse(ReadFile(Path.Combine(configHome, "opencode", name))) is { } global) yield return global;
        }
    }

    private static string? BaseUrlOf(JsonElement config, string provider) =>
        config.TryGetProperty("provider", out var providers) && providers.ValueKind == JsonValueKind.Object
        && providers.TryGetProperty(provider, out var entry) && entry.ValueKind == JsonValueKind.Object
        && entry.TryGetProperty("options", out var options) && Text(options, "baseURL") is { } url
            ? url
            : null;

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : null;

    private static string? ReadFile(string path)
    {
        try
        {
            var info = new FileInfo(path);
            return info.Exists && info.Length < 1 << 20 ? File.ReadAllText(path) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static JsonElement? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try
        {
            using var document = JsonDocument.Parse(json, Lenient);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
