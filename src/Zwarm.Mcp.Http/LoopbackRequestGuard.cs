// The checks every request to a zwarm web face on loopback must pass before anything else runs (`zwarm mcp --http`
// today, the dashboard next): a page the user visits can make the browser send requests to 127.0.0.1, and a DNS
// rebinding attack can even make them same-origin to an attacker's name. So the Host must be the bound port on
// 127.0.0.1 or localhost, an Origin (browsers send one on cross-origin and on POST requests) must be that same
// origin, and the bearer token must match (compared in constant time). Pure: it sees strings, not a socket.
using System.Security.Cryptography;
using System.Text;

namespace Zwarm.Mcp.Http;

public sealed class LoopbackRequestGuard
{
    private readonly int _port;
    private readonly byte[] _token;

    public LoopbackRequestGuard(int port, string token)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(port);
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        _port = port;
        _token = Encoding.UTF8.GetBytes(token);
    }

    /// <summary>Why the request is refused (an HTTP status and a short reason that names no secret), or null.</summary>
    public (int Status, string Reason)? Check(string? host, string? origin, string? authorization)
    {
        if (!IsLocalAuthority(host))
        {
            return (403, "the Host header must be 127.0.0.1 or localhost with this server's port");
        }
        if (!string.IsNullOrEmpty(origin) && !IsLocalOrigin(origin))
        {
            return (403, "cross-origin requests are refused");
        }
        const string scheme = "Bearer ";
        if (authorization is null || !authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)
            || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(authorization[scheme.Length..].Trim()), _token))
        {
            return (401, "a valid bearer token is required (Authorization: Bearer <token from the token file>)");
        }
        return null;
    }

    private bool IsLocalAuthority(string? authority)
    {
        if (string.IsNullOrEmpty(authority))
        {
            return false;
        }
        var colon = authority.LastIndexOf(':');
        return colon > 0
            && authority[..colon] is var name && (name == "127.0.0.1" || name.Equals("localhost", StringComparison.OrdinalIgnoreCase))
            && int.TryParse(authority.AsSpan(colon + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port)
            && port == _port;
    }

    private bool IsLocalOrigin(string origin) =>
        origin.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && IsLocalAuthority(origin["http://".Length..]);
}
