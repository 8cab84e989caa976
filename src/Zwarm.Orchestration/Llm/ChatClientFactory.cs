// Builds the IChatClient for an LlmSettings: OpenAI Responses (default), OpenAI-compatible Chat Completions (Ollama,
// vLLM, LM Studio, ...) or Anthropic Messages. The endpoint is --base-url, else config base_url, else the SDK's usual
// variable (OPENAI_BASE_URL / ANTHROPIC_BASE_URL), else the public API. Keys come from OPENAI_API_KEY /
// ANTHROPIC_API_KEY (or the configured api_key_env). Reused by orchestrate, the llm watcher and pilot.
// Anthropic: the official SDK on the JIT (the well-kept library), zwarm's own AnthropicChatClient in the native build,
// where the SDK's reflection-based JSON cannot run. Both behave the same against the scripted server (same requests
// and replies, usage, errors), except that the SDK sends a reasoning effort as adaptive thinking + output_config.effort
// and ours as thinking.budget_tokens, which every thinking model accepts.
using System.ClientModel;
using System.ClientModel.Primitives;
using System.Runtime.CompilerServices;
using Anthropic;
using Microsoft.Extensions.AI;
using OpenAI;
using Zwarm.Core;
using Zwarm.Orchestration.Llm.Anthropic;
using Zwarm.Orchestration.Telemetry;

namespace Zwarm.Orchestration.Llm;

internal sealed class ChatClientFactory(IReadOnlyDictionary<string, string?> environment)
{
    private static readonly Uri OpenAIDefault = new("https://api.openai.com/v1");
    private static readonly Uri AnthropicDefault = new("https://api.anthropic.com");

    /// <summary>Placeholder sent to servers that need no key (a local Ollama): SDKs refuse an empty one.</summary>
    internal const string NoKey = "no-key";

    /// <summary>Resolves endpoint, model and key; throws a one-line <see cref="ZwarmException"/> when one is missing.</summary>
    public LlmEndpoint Resolve(LlmSettings settings)
    {
        var provider = settings.Provider;
        var model = settings.EffectiveModel ?? throw new ZwarmException(ErrorKind.Config,
            $"no model set for provider {provider.ToName()}: give --model or set orchestrator.model (e.g. \"llama3.1\" for a local Ollama)");

        var fromEnv = Value(provider.BaseUrlVariable());
        var raw = settings.BaseUrl ?? fromEnv;
        var isDefault = raw is null;
        Uri baseUrl;
        if (raw is null)
        {
            baseUrl = provider == LlmProvider.Anthropic ? AnthropicDefault : OpenAIDefault;
        }
        else if (!Uri.TryCreate(raw.Trim(), UriKind.Absolute, out baseUrl!) || baseUrl.Scheme is not ("http" or "https"))
        {
            var where = settings.BaseUrl is null ? provider.BaseUrlVariable() : "the base URL";
            throw new ZwarmException(ErrorKind.Config, $"{where} '{raw}' is not an http(s) URL");
        }

        var keyVariable = settings.ApiKeyVariable ?? provider.DefaultKeyVariable();
        var key = Value(keyVariable);
        if (key is null)
        {
            if (isDefault)
            {
                throw new ZwarmException(ErrorKind.Config,
                    $"{keyVariable} is not set: export your {(provider == LlmProvider.Anthropic ? "Anthropic" : "OpenAI")} API key, " +
                    "or point --base-url / orchestrator.base_url at a server that needs none");
            }
            return new LlmEndpoint(provider, model, baseUrl, "none", isDefault) { ApiKey = NoKey };
        }
        return new LlmEndpoint(provider, model, baseUrl, keyVariable, isDefault) { ApiKey = key };
    }

    /// <summary>A chat client for <paramref name="settings"/>, traced through OpenTelemetry when <paramref name="traced"/>.</summary>
    public IChatClient Create(LlmSettings settings, bool traced = false) => Create(settings, Resolve(settings), traced);

    public static IChatClient Create(LlmSettings settings, LlmEndpoint endpoint, bool traced = false)
    {
        var client = endpoint.Provider switch
        {
            LlmProvider.Anthropic => CreateAnthropic(settings, endpoint),
            LlmProvider.OpenAIChat => OpenAI(settings, endpoint).GetChatClient(endpoint.Model).AsIChatClient(),
            _ => CreateResponses(settings, endpoint),
        };
        return traced
            ? new ChatClientBuilder(client).UseOpenTelemetry(sourceName: OrchestrationTelemetry.LlmSourceName).Build()
            : client;
    }

#pragma warning disable OPENAI001 // The Responses client is "for evaluation" in OpenAI 2.14.0; it is the API we target.
    private static IChatClient CreateResponses(LlmSettings settings, LlmEndpoint endpoint) =>
        OpenAI(settings, endpoint).GetResponsesClient().AsIChatClient(endpoint.Model);
#pragma warning restore OPENAI001

    private static OpenAIClient OpenAI(LlmSettings settings, LlmEndpoint endpoint) =>
        new(new ApiKeyCredential(endpoint.ApiKey), new OpenAIClientOptions
        {
            Endpoint = endpoint.BaseUrl,
            NetworkTimeout = settings.RequestTimeout,
            RetryPolicy = new ClientRetryPolicy(settings.MaxRetries),
        });

    /// <summary>
    /// The official SDK where the runtime can generate code (the framework-dependent build, where it is the well-kept
    /// choice); zwarm's own Messages client in the native build, where the SDK's reflection-based JSON cannot run.
    /// </summary>
    private static IChatClient CreateAnthropic(LlmSettings settings, LlmEndpoint endpoint)
    {
        if (!RuntimeFeature.IsDynamicCodeSupported)
        {
            return CreateAnthropicMessages(settings, endpoint);
        }
        var client = new AnthropicClient
        {
            ApiKey = endpoint.ApiKey,
            BaseUrl = endpoint.BaseUrl.ToString().TrimEnd('/'),
            MaxRetries = settings.MaxRetries,
            Timeout = settings.RequestTimeout,
        };
        return client.AsIChatClient(endpoint.Model, settings.MaxOutputTokens ?? 8192);
    }

    /// <summary>zwarm's AOT-safe Anthropic Messages client (what the native build uses; tests call it in either build).</summary>
    internal static IChatClient CreateAnthropicMessages(LlmSettings settings, LlmEndpoint endpoint) =>
        new AnthropicChatClient(new AnthropicClientOptions
        {
            BaseUrl = endpoint.BaseUrl,
            ApiKey = endpoint.ApiKey,
            Model = endpoint.Model,
            MaxOutputTokens = settings.MaxOutputTokens ?? 8192,
            MaxRetries = settings.MaxRetries,
            RequestTimeout = settings.RequestTimeout,
        });

    private string? Value(string name) =>
        environment.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
