// Instance ids: 8 random hex digits by default, or a name the user picks (letters, digits, '-', '_'). Validated
// before they are ever joined into a path.
using System.Security.Cryptography;

namespace Zwarm.Orchestration.Instances;

public static class InstanceIds
{
    public const int MaxLength = 64;

    public const string SourcePrefix = "orchestrator:";

    public const string PilotSourcePrefix = "pilot:";

    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));

    /// <summary>The session source of an instance: "orchestrator:&lt;id&gt;".</summary>
    public static string Source(string id) => SourcePrefix + id;

    /// <summary>The session source of an instance of <paramref name="kind"/>: "orchestrator:&lt;id&gt;" or "pilot:&lt;id&gt;".</summary>
    public static string Source(string id, InstanceKind kind) => (kind == InstanceKind.Pilot ? PilotSourcePrefix : SourcePrefix) + id;

    /// <summary>An error message when <paramref name="text"/> cannot be an instance id (or prefix), else null.</summary>
    public static string? Validate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "an instance id cannot be empty";
        }
        if (text.Length > MaxLength)
        {
            return $"'{text[..20]}…' is not an instance id (too long)";
        }
        foreach (var c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                return $"'{text}' is not an instance id (use letters, digits, '-' and '_')";
            }
        }
        return text is "." or ".." ? $"'{text}' is not an instance id" : null;
    }
}
