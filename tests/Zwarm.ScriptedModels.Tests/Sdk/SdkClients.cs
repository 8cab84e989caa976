// The .NET LLM SDKs zwarm's orchestrator uses, pointed at a scripted server.
using System.ClientModel;
using Anthropic;
using Microsoft.Extensions.AI;
using OpenAI;

namespace Zwarm.ScriptedModels.Tests.Sdk;

internal static class SdkClients
{
    // The Responses client is marked "for evaluation" (OPENAI001) in OpenAI 2.14.0; it is what zwarm will use.
#pragma warning disable OPENAI001
    public static IChatClient OpenAIResponses(ScriptedModelServer server) =>
        new OpenAIClient(new ApiKeyCredential("test-key"), new OpenAIClientOptions { Endpoint = new Uri(server.OpenAIBaseUrl) })
            .GetResponsesClient().AsIChatClient("gpt-test");
#pragma warning restore OPENAI001

    public static IChatClient OpenAIChat(ScriptedModelServer server) =>
        new OpenAIClient(new ApiKeyCredential("test-key"), new OpenAIClientOptions { Endpoint = new Uri(server.OpenAIBaseUrl) })
            .GetChatClient("gpt-test").AsIChatClient();

    public static IChatClient Anthropic(ScriptedModelServer server) =>
        new AnthropicClient { ApiKey = "test-key", BaseUrl = server.BaseUrl }.AsIChatClient("claude-test");

    public static IEnumerable<object[]> All() =>
    [
        [nameof(OpenAIResponses)],
        [nameof(OpenAIChat)],
        [nameof(Anthropic)],
    ];

    public static IChatClient Create(string kind, ScriptedModelServer server) => kind switch
    {
        nameof(OpenAIResponses) => OpenAIResponses(server),
        nameof(OpenAIChat) => OpenAIChat(server),
        nameof(Anthropic) => Anthropic(server),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
