// How to reach one LLM: provider, model, endpoint, key variable, reasoning effort, transport limits. The orchestrator,
// the llm watcher and pilot each have one, read from their own config table with the same keys.
using Microsoft.Extensions.AI;
using Zwarm.Core.Config;
using Zwarm.Orchestration.Config;

namespace Zwarm.Orchestration.Llm;

public sealed record LlmSettings
{
    public LlmProvider Provider { get; init; } = LlmProvider.OpenAI;

    /// <summary>Null: the provider's default model (see <see cref="LlmProviders.DefaultModel"/>).</summary>
    public string? Model { get; init; }

    /// <summary>Null: <c>OPENAI_BASE_URL</c> / <c>ANTHROPIC_BASE_URL</c>, else the provider's public endpoint.</summary>
    public string? BaseUrl { get; init; }

    /// <summary>Environment variable holding the API key; null: <c>OPENAI_API_KEY</c> / <c>ANTHROPIC_API_KEY</c>.</summary>
    public string? ApiKeyVariable { get; init; }

    /// <summary>Null: the model's own default.</summary>
    public ReasoningEffort? ReasoningEffort { get; init; }

    /// <summary>Null: the provider's default (Anthropic requires one: 8192 is used).</summary>
    public int? MaxOutputTokens { get; init; }

    /// <summary>Stream replies (text and tool calls appear as they are generated).</summary>
    public bool Stream { get; init; } = true;

    /// <summary>Retries of a failed request by the SDK (connection errors, 429, 5xx).</summary>
    public int MaxRetries { get; init; } = 2;

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The model that will be used: the configured one, else the provider's default.</summary>
    public string? EffectiveModel => Model ?? Provider.DefaultModel();

    /// <summary>Applies command-line overrides (null leaves a setting as it is).</summary>
    public LlmSettings With(string? provider = null, string? model = null, string? baseUrl = null, string? reasoningEffort = null)
    {
        var result = this;
        if (provider is not null)
        {
            if (!LlmProviders.TryParse(provider, out var p))
            {
                throw new Core.ZwarmException(Core.ErrorKind.Usage,
                    $"unknown provider '{provider}' (known: {string.Join(", ", LlmProviders.Names)})");
            }
            // A new provider's default model replaces the old provider's default, not an explicit model.
            result = result with { Provider = p };
        }
        if (!string.IsNullOrWhiteSpace(model))
        {
            result = result with { Model = model.Trim() };
        }
        if (!string.IsNullOrWhiteSpace(baseUrl))
        {
            result = result with { BaseUrl = baseUrl.Trim() };
        }
        if (reasoningEffort is not null)
        {
            if (!ReasoningEfforts.TryParse(reasoningEffort, out var effort))
            {
                throw new Core.ZwarmException(Core.ErrorKind.Usage,
                    $"unknown reasoning effort '{reasoningEffort}' (known: {string.Join(", ", ReasoningEfforts.Names)})");
            }
            result = result with { ReasoningEffort = effort };
        }
        return result;
    }

    /// <summary>
    /// Reads the LLM keys of <paramref name="section"/> (provider, model, base_url, api_key_env, reasoning_effort,
    /// max_output_tokens, stream, max_retries, request_timeout_seconds) over <paramref name="defaults"/>.
    /// </summary>
    public static LlmSettings Read(ConfigSection? section, LlmSettings defaults)
    {
        if (section is null)
        {
            return defaults;
        }
        var result = defaults;
        if (Empty(section.GetString("provider")) is { } providerName)
        {
            if (LlmProviders.TryParse(providerName, out var provider))
            {
                result = result with { Provider = provider };
            }
            else
            {
                section.Error("provider", $"must be one of {string.Join(", ", LlmProviders.Names)}");
            }
        }
        if (Empty(section.GetString("model")) is { } model)
        {
            result = result with { Model = model };
        }
        if (Empty(section.GetString("base_url")) is { } baseUrl)
        {
            if (Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            {
                result = result with { BaseUrl = baseUrl };
            }
            else
            {
                section.Error("base_url", "must be an http(s) URL");
            }
        }
        if (Empty(section.GetString("api_key_env")) is { } keyEnv)
        {
            result = result with { ApiKeyVariable = keyEnv };
        }
        if (Empty(section.GetString("reasoning_effort")) is { } effortName)
        {
            if (ReasoningEfforts.TryParse(effortName, out var effort))
            {
                result = result with { ReasoningEffort = effort };
            }
            else
            {
                section.Error("reasoning_effort", $"must be one of {string.Join(", ", ReasoningEfforts.Names)}");
            }
        }
        if (SettingReader.Int(section, "max_output_tokens", 0, 1_000_000) is { } maxOut)
        {
            result = result with { MaxOutputTokens = maxOut == 0 ? null : maxOut };
        }
        if (section.GetBool("stream") is { } stream)
        {
            result = result with { Stream = stream };
        }
        if (SettingReader.Int(section, "max_retries", 0, 20) is { } retries)
        {
            result = result with { MaxRetries = retries };
        }
        if (SettingReader.Seconds(section, "request_timeout_seconds", 1, 3600) is { } timeout)
        {
            result = result with { RequestTimeout = timeout };
        }
        return result;
    }

    /// <summary>
    /// Like <see cref="Read"/> for a table whose settings follow another LLM's (the llm watcher, pilot): when it names
    /// another provider, the inherited endpoint, key variable and model do not carry over; the model then comes from
    /// <paramref name="modelFor"/>.
    /// </summary>
    public static LlmSettings ReadInherited(ConfigSection section, LlmSettings inherited, Func<LlmProvider, string?> modelFor)
    {
        var llm = Read(section, inherited);
        if (llm.Provider == inherited.Provider)
        {
            return llm;
        }
        return llm with
        {
            BaseUrl = section.Has("base_url") ? llm.BaseUrl : null,
            ApiKeyVariable = section.Has("api_key_env") ? llm.ApiKeyVariable : null,
            Model = section.Has("model") ? llm.Model : modelFor(llm.Provider),
        };
    }

    private static string? Empty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
