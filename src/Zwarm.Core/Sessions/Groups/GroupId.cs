// A best-of-N group's id: short and readable ("g" and 7 hex digits), typed by hand in `compare` and `rm --group`.
using System.Security.Cryptography;

namespace Zwarm.Core.Sessions.Groups;

public static class GroupId
{
    public static string New() => "g" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))[..7];

    /// <summary>Group ids are letters, digits, '-' and '_' (they are compared, never joined into paths).</summary>
    public static string Validate(string? text)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0 || trimmed.Length > 64 || !trimmed.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new ZwarmException(ErrorKind.Usage, $"'{text}' is not a group id (e.g. g3f2a1b2, as spawn --attempts printed)");
        }
        return trimmed;
    }
}
