// The resource addresses of sessions: zwarm://sessions/<id> and zwarm://sessions/<id>/turns/<n>.
namespace Zwarm.Mcp;

internal static class SessionUris
{
    public const string Prefix = "zwarm://sessions/";

    public const string SessionTemplate = Prefix + "{id}";

    public const string TurnTemplate = Prefix + "{id}/turns/{turn}";

    public static string Session(string id) => Prefix + id;

    public static string Turn(string id, int turn) => $"{Prefix}{id}/turns/{turn}";

    /// <summary>The session id and (for a turn) the turn number of <paramref name="uri"/>, or false.</summary>
    public static bool TryParse(string? uri, out string id, out int? turn)
    {
        id = "";
        turn = null;
        if (uri is null || !uri.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }
        var parts = uri[Prefix.Length..].Split('/');
        switch (parts)
        {
            case [var only] when only.Length > 0:
                id = only;
                return true;
            case [var session, "turns", var n] when session.Length > 0 && int.TryParse(n, out var number) && number > 0:
                id = session;
                turn = number;
                return true;
            default:
                return false;
        }
    }
}
