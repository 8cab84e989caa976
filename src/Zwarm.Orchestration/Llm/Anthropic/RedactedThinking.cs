// A redacted_thinking block travels in TextReasoningContent.ProtectedData like a signature does, told apart by a
// prefix that cannot occur in a base64 signature, so it survives zwarm's saved conversations (which keep only
// ProtectedData) and goes back to the API as the block it came from.
namespace Zwarm.Orchestration.Llm.Anthropic;

internal static class RedactedThinking
{
    private const string Prefix = "anthropic-redacted-thinking:";

    public static string Wrap(string data) => Prefix + data;

    public static bool TryUnwrap(string? protectedData, out string data)
    {
        if (protectedData is not null && protectedData.StartsWith(Prefix, StringComparison.Ordinal))
        {
            data = protectedData[Prefix.Length..];
            return true;
        }
        data = "";
        return false;
    }
}
