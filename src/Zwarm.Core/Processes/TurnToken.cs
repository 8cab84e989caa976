// The launch token of a turn: a random marker zwarm records in meta.json before it starts the turn and passes in the
// environment (ZWARM_TURN) of the supervisor, and so of the agent and its tools. A process whose /proc/PID/environ
// holds it provably belongs to that turn, whatever its pid, group or start time; meta.json alone proves nothing.
using System.Security.Cryptography;

namespace Zwarm.Core.Processes;

internal static class TurnToken
{
    /// <summary>The environment variable that carries the token.</summary>
    public const string Variable = "ZWARM_TURN";

    private const int Length = 32;

    /// <summary>A fresh token: 128 random bits as 32 lowercase hex digits.</summary>
    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(Length / 2));

    /// <summary>True for a well-formed token (read from an untrusted meta.json: anything else is no token).</summary>
    public static bool IsValid(string? token) =>
        token is { Length: Length } && token.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
