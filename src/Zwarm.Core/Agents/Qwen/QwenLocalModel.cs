// `zwarm agents use-local qwen`: a private QWEN_HOME whose settings.json selects the OpenAI-compatible provider and
// turns off what would call out or spend tokens behind the turn's back (usage statistics, auto-update, and the managed
// auto-memory / auto-dream background requests, whose tokens Qwen adds to its usage), plus OPENAI_BASE_URL /
// OPENAI_MODEL in the adapter's environment. Qwen reads its key only from OPENAI_API_KEY (or settings, where zwarm
// writes no secrets), so a placeholder is used unless the user names that variable.
using System.Text;
using Zwarm.Core.Agents.Local;

namespace Zwarm.Core.Agents.Qwen;

internal static class QwenLocalModel
{
    private const string KeyVariable = "OPENAI_API_KEY";

    public static LocalModelSetup Setup(LocalModelRequest request)
    {
        if (request.ApiKeyVariable is { } key && key != KeyVariable)
        {
            throw new ZwarmException(ErrorKind.Usage,
                $"Qwen Code reads its key only from {KeyVariable}: export the key as {KeyVariable} and pass that name to --api-key-env");
        }
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["QWEN_HOME"] = request.PrivateHome,
            ["OPENAI_BASE_URL"] = LocalUrls.WithV1(request.BaseUrl),
        };
        if (request.ApiKeyVariable is null)
        {
            environment[KeyVariable] = "local";
        }
        if (request.Model is { Length: > 0 } model)
        {
            environment["OPENAI_MODEL"] = model;
        }
        return new LocalModelSetup(
            environment,
            [new LocalModelFile(Path.Combine(request.PrivateHome, "settings.json"), Settings())],
            "OpenAI Chat Completions API (POST /v1/chat/completions, streamed)",
            "Ollama, LM Studio, vLLM, llama.cpp's llama-server, or any server that implements POST /v1/chat/completions with tool calls");
    }

    /// <summary>The settings.json written into the private QWEN_HOME (what the scripted-server tests use too).</summary>
    public static string Settings() => new StringBuilder()
        .Append("{\n")
        .Append("  \"security\": { \"auth\": { \"selectedType\": \"openai\" } },\n")
        .Append("  \"privacy\": { \"usageStatisticsEnabled\": false },\n")
        .Append("  \"general\": { \"enableAutoUpdate\": false },\n")
        .Append("  \"memory\": { \"enableManagedAutoMemory\": false, \"enableManagedAutoDream\": false },\n")
        .Append("  \"telemetry\": { \"enabled\": false },\n")
        .Append("  \"$version\": 4\n")
        .Append("}\n")
        .ToString();
}
