// Codex 0.169 reports some harmless conditions as `error` items, e.g. with a model it has no bundled metadata for
// (any local model): "Model metadata for `llama3.1` not found. Defaulting to fallback metadata; this can degrade
// performance and cause issues." The turn goes on and completes; zwarm shows these as warnings.
namespace Zwarm.Core.Agents.Codex;

internal static class CodexWarnings
{
    private static readonly string[] Harmless = ["Model metadata for ", "Defaulting to fallback metadata"];

    public static bool IsHarmless(string message) =>
        Harmless.Any(h => message.Contains(h, StringComparison.Ordinal));
}
