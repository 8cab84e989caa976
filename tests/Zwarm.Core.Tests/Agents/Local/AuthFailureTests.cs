// The adapters' credential-failure patterns, on the real CLIs' captured output (Samples/), and what they must not match.
using Zwarm.Core.Agents;

namespace Zwarm.Core.Tests.Agents.Local;

public sealed class AuthFailureTests
{
    private static readonly IAgentAdapter Codex = AgentRegistry.Default.Find("codex")!;
    private static readonly IAgentAdapter Claude = AgentRegistry.Default.Find("claude")!;

    [Theory]
    [InlineData("codex", "codex_err_401.jsonl", "unexpected status 401 Unauthorized: Incorrect API key provided, url: http://127.0.0.1:18080/v1/responses")]
    [InlineData("claude", "claude_err_401.jsonl", "Invalid API key · Fix external API key")]
    public void A401InTheStream_GivesTheAgentsOwnLine(string agent, string sample, string expected)
    {
        var adapter = AgentRegistry.Default.Find(agent)!;

        var first = File.ReadLines(Samples.PathOf(sample)).Select(adapter.AuthFailure).First(m => m is not null);

        Assert.Equal(expected, first);
    }

    [Theory]
    [InlineData("codex_hello.jsonl")]
    [InlineData("codex_err_500.jsonl")]
    [InlineData("codex_tool.jsonl")]
    [InlineData("claude_hello.jsonl")]
    [InlineData("claude_err_500.jsonl")]
    [InlineData("claude_tool.jsonl")]
    public void OtherOutput_IsNoAuthFailure(string sample)
    {
        var adapter = sample.StartsWith("codex", StringComparison.Ordinal) ? Codex : Claude;

        Assert.All(File.ReadLines(Samples.PathOf(sample)), line => Assert.Null(adapter.AuthFailure(line)));
    }

    [Fact]
    public void RetriesAndStartUpErrors_AreAuthFailuresToo()
    {
        Assert.Equal("Reconnecting... 2/5 (unexpected status 401 Unauthorized: Missing bearer authentication in header)",
            Codex.AuthFailure("{\"type\":\"error\",\"message\":\"Reconnecting... 2/5 (unexpected status 401 Unauthorized: Missing bearer authentication in header)\"}"));
        Assert.Equal("Error: Missing environment variable: `OPENAI_API_KEY`.", Codex.AuthFailure("Error: Missing environment variable: `OPENAI_API_KEY`."));
        Assert.Equal("API Error: 401 authentication_error",
            Claude.AuthFailure("{\"type\":\"system\",\"subtype\":\"api_retry\",\"attempt\":1,\"max_retries\":10,\"error_status\":401,\"error\":\"authentication_error\"}"));
        // An agent's reply or a command's output that merely mentions a 401 is not the agent failing.
        Assert.Null(Codex.AuthFailure("{\"type\":\"item.completed\",\"item\":{\"type\":\"agent_message\",\"text\":\"the server answered 401 Unauthorized\"}}"));
        Assert.Null(Claude.AuthFailure("{\"type\":\"system\",\"subtype\":\"api_retry\",\"error_status\":529,\"error\":\"overloaded\"}"));
    }
}
