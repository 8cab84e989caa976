// Session ids are UUIDs (as in the Python zwarm). User input is validated BEFORE it is joined into a path:
// only lowercase-insensitive hex digits and dashes, at most 36 characters, never empty, never a path fragment.
namespace Zwarm.Core.Sessions;

public static class SessionId
{
    public const int Length = 36;

    public static string New() => Guid.NewGuid().ToString("D");

    /// <summary>True for a complete, well-formed id ("xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx").</summary>
    public static bool IsFull(string? text) => text is not null && IsFull(text.AsSpan());

    /// <inheritdoc cref="IsFull(string?)"/>
    public static bool IsFull(ReadOnlySpan<char> text) =>
        text.Length == Length && Guid.TryParseExact(text, "D", out _) && IsIdChars(text);

    /// <summary>
    /// Validates a user-given id or prefix. Returns an error message (one line) or null when it is usable.
    /// </summary>
    public static string? Validate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "a session id cannot be empty";
        }
        if (text.Length > Length)
        {
            return $"'{Shorten(text)}' is not a session id (too long)";
        }
        if (!IsIdChars(text))
        {
            return $"'{Shorten(text)}' is not a session id (ids are hex digits and dashes)";
        }
        return null;
    }

    /// <summary>Normalizes a validated id or prefix (lowercase, as stored).</summary>
    public static string Normalize(string text) => text.Trim().ToLowerInvariant();

    private static bool IsIdChars(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!(char.IsAsciiHexDigit(c) || c == '-'))
            {
                return false;
            }
        }
        return true;
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "..." : text;
}
