// The model Codex will use when zwarm names none. Codex's JSON stream never says which model ran, so without this
// a session started with Codex's own default had no model in `ls` and no cost (checked with codex-cli 0.169.0). The
// sources, in Codex's order of precedence: `-m/--model` or `-c model=...` among the adapter's extra args, then the
// active profile's `model`, then the top-level `model` of $CODEX_HOME/config.toml (default ~/.codex/config.toml).
using Zwarm.Core.Config;

namespace Zwarm.Core.Agents.Codex;

internal static class CodexConfiguredModel
{
    public static string? Find(IReadOnlyList<string> extraArgs, IReadOnlyDictionary<string, string?> environment)
    {
        var (fromArgs, profile) = FromArguments(extraArgs);
        return fromArgs ?? FromConfigFile(ConfigPath(environment), profile);
    }

    private static (string? Model, string? Profile) FromArguments(IReadOnlyList<string> args)
    {
        string? model = null, profile = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var next = i + 1 < args.Count ? args[i + 1] : null;
            if (arg is "-m" or "--model" && next is not null) model = args[++i];
            else if (arg.StartsWith("--model=", StringComparison.Ordinal)) model = arg["--model=".Length..];
            else if (arg is "-p" or "--profile" && next is not null) profile = args[++i];
            else if (arg is "-c" or "--config" && next is not null && ConfigOverride(args[++i], "model") is { } value) model = value;
        }
        return (string.IsNullOrWhiteSpace(model) ? null : model, profile);
    }

    /// <summary>The value of a <c>key=value</c> override (TOML, so possibly quoted) when it sets <paramref name="key"/>.</summary>
    private static string? ConfigOverride(string assignment, string key)
    {
        var eq = assignment.IndexOf('=');
        if (eq < 0 || assignment[..eq].Trim() != key) return null;
        return assignment[(eq + 1)..].Trim().Trim('"', '\'');
    }

    private static string? ConfigPath(IReadOnlyDictionary<string, string?> environment)
    {
        if (environment.GetValueOrDefault("CODEX_HOME") is { Length: > 0 } codexHome) return Path.Combine(codexHome, "config.toml");
        return environment.GetValueOrDefault("HOME") is { Length: > 0 } home ? Path.Combine(home, ".codex", "config.toml") : null;
    }

    private static string? FromConfigFile(string? path, string? profile)
    {
        if (path is null || !File.Exists(path)) return null;
        try
        {
            var root = ConfigDocument.Parse(File.ReadAllText(path), path).Root;
            profile ??= root.GetString("profile");
            var fromProfile = profile is null ? null : root.GetSection("profiles")?.GetSection(profile)?.GetString("model");
            var model = fromProfile ?? root.GetString("model");
            return string.IsNullOrWhiteSpace(model) ? null : model;
        }
        catch (Exception e) when (e is ZwarmException or IOException or UnauthorizedAccessException)
        {
            // Codex itself will complain about a broken config; zwarm only loses the price estimate.
            return null;
        }
    }
}
