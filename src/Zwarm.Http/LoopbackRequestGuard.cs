// The checks every request to a zwarm web face must pass before anything else runs (`zwarm mcp --http` and
// `zwarm dashboard`): a page the user visits can make the browser send requests to 127.0.0.1, and a DNS rebinding
// attack can even make them same-origin to an attacker's name. So the Host must be the bound port on 127.0.0.1 or
// localhost (or the one address the server was explicitly bound to), an Origin (browsers send one on cross-origin
// and on POST requests) must be that same origin, and the token must match (compared in constant time).
// Pure: it sees strings, not a socket.
using System.Security.Cryptography;
using System.Text;

namespace Zwarm.Http;

public sealed class LoopbackRequestGuard
{
    private readonly int _port;
    private readonly byte[] _token;
    private readonly string? _boundHost;

    /// <param name="boundHost">An address other than loopback the server listens on (dashboard --host), also allowed as Host.</param>
    public LoopbackRequestGuard(int port, string token, string? boundHost = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(port);
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        _port = port;
        _token = Encoding.UTF8.GetBytes(token);
        _boundHost = boundHost;
    }

    /// <summary>Why the request is refused (an HTTP status and a short reason that names no secret), or null.</summary>
    public (int Status, string Reason)? Check(string? host, string? origin, string? authorization) =>
        CheckOrigin(host, origin) ?? (IsBearer(authorization)
            ? null
            : (401, "a valid bearer token is required (Authorization: Bearer <token from the token file>)"));

    /// <summary>The Host/Origin part of <see cref="Check"/> alone: a 403 refusal, or null.</summary>
    public (int Status, string Reason)? CheckOrigin(string? host, string? origin)
    {
        if (!IsLocalAuthority(host))
        {
            return (403, "the Host header must be 127.0.0.1 or localhost with this server's port");
        }
        if (!string.IsNullOrEmpty(origin) && !IsLocalOrigin(origin))
        {
            return (403, "cross-origin requests are refused");
        }
        return null;
    }

    /// <summary>True when <paramref name="authorization"/> is "Bearer " and the token.</summary>
    public bool IsBearer(string? authorization)
    {
        const string scheme = "Bearer ";
        return authorization is not null && authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)
            && IsToken(authorization[scheme.Length..].Trim());
    }

    /// <summary>True when <paramref name="candidate"/> is the token (constant time).</summary>
    public bool IsToken(string? candidate) =>
        candidate is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), _token);

    /// <summary>True when <paramref name="given"/> equals <paramref name="expected"/> (constant time; a CSRF value).</summary>
    public static bool IsCsrf(string? given, string expected) =>
        !string.IsNullOrEmpty(given) && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));

    private bool IsLocalAuthority(string? authority)
    {
        if (string.IsNullOrEmpty(authority))
        {
            return false;
        }
        var colon = authority.LastIndexOf(':');
        return colon > 0
            && authority[..colon] is var name
            && (name == "127.0.0.1" || name.Equals("localhost", StringComparison.OrdinalIgnoreCase)
                || (_boundHost is not null && name.Equals(_boundHost, StringComparison.OrdinalIgnoreCase)))
            && int.TryParse(authority.AsSpan(colon + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port)
            && port == _port;
    }

    private bool IsLocalOrigin(string origin) =>
        origin.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && IsLocalAuthority(origin["http://".Length..]);
}
