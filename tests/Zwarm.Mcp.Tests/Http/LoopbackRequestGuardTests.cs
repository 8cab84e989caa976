// The guard in front of `zwarm mcp --http`: only the bound port on 127.0.0.1/localhost, no foreign Origin (DNS
// rebinding, a web page posting to loopback), and the exact bearer token.
using Zwarm.Http;

namespace Zwarm.Mcp.Tests.Http;

public sealed class LoopbackRequestGuardTests
{
    private const string Token = "0123456789abcdef0123456789abcdef";
    private readonly LoopbackRequestGuard _guard = new(4711, Token);

    [Theory]
    [InlineData("127.0.0.1:4711", null)]
    [InlineData("localhost:4711", null)]
    [InlineData("LOCALHOST:4711", "http://localhost:4711")]
    [InlineData("127.0.0.1:4711", "http://127.0.0.1:4711")]
    public void Local_host_and_origin_with_the_token_pass(string host, string? origin) =>
        Assert.Null(_guard.Check(host, origin, $"Bearer {Token}"));

    [Theory]
    [InlineData("attacker.example:4711", null)]
    [InlineData("127.0.0.1:4712", null)]
    [InlineData("127.0.0.1", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    [InlineData("[::1]:4711", null)]
    [InlineData("127.0.0.1:4711", "http://attacker.example:4711")]
    [InlineData("127.0.0.1:4711", "http://localhost:4712")]
    [InlineData("127.0.0.1:4711", "https://localhost:4711")]
    [InlineData("127.0.0.1:4711", "null")]
    public void Foreign_host_or_origin_is_forbidden_even_with_the_token(string? host, string? origin) =>
        Assert.Equal(403, _guard.Check(host, origin, $"Bearer {Token}")?.Status);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer")]
    [InlineData("Bearer 0123456789abcdef0123456789abcdeX")]
    [InlineData("Bearer 0123456789abcdef0123456789abcdef0")]
    [InlineData("Basic 0123456789abcdef0123456789abcdef")]
    public void A_missing_or_wrong_token_is_unauthorized_and_the_reason_names_no_token(string? authorization)
    {
        var refusal = _guard.Check("127.0.0.1:4711", null, authorization);

        Assert.Equal(401, refusal?.Status);
        Assert.DoesNotContain(Token, refusal?.Reason);
    }
}
