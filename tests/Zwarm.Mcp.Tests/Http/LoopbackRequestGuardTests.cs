// The guard in front of `zwarm mcp --http` and `zwarm dashboard` (src/Zwarm.Http): only the bound port on
// 127.0.0.1/localhost, no foreign Origin (DNS rebinding, a web page posting to loopback), and the exact token.
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

    [Theory]
    [InlineData("192.168.1.5:4711", null, true)]
    [InlineData("192.168.1.5:4711", "http://192.168.1.5:4711", true)]
    [InlineData("127.0.0.1:4711", null, true)]
    [InlineData("192.168.1.6:4711", null, false)]
    [InlineData("192.168.1.5:4711", "http://attacker.example:4711", false)]
    public void A_server_bound_to_another_address_also_accepts_that_address_as_host(string host, string? origin, bool allowed)
    {
        var guard = new LoopbackRequestGuard(4711, Token, boundHost: "192.168.1.5");

        Assert.Equal(allowed, guard.CheckOrigin(host, origin) is null);
    }

    [Fact]
    public void The_token_and_csrf_checks_match_only_the_exact_value()
    {
        Assert.True(_guard.IsToken(Token));
        Assert.False(_guard.IsToken(Token + "0"));
        Assert.False(_guard.IsToken(null));
        Assert.True(LoopbackRequestGuard.IsCsrf("abc123", "abc123"));
        Assert.False(LoopbackRequestGuard.IsCsrf("", "abc123"));
        Assert.False(LoopbackRequestGuard.IsCsrf(null, "abc123"));
        Assert.False(LoopbackRequestGuard.IsCsrf("abc124", "abc123"));
    }
}
