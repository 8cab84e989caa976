using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Zwarm.Mcp.Tests.Support;

internal static class ToolResults
{
    public static string Text(this CallToolResult result) => string.Concat(result.Content.OfType<TextContentBlock>().Select(b => b.Text));

    public static JsonElement Json(this CallToolResult result)
    {
        using var document = JsonDocument.Parse(result.Text());
        return document.RootElement.Clone();
    }

    public static async Task<CallToolResult> CallAsync(this McpClient client, string tool, string argumentsJson,
        CancellationToken cancellationToken, IProgress<ModelContextProtocol.ProgressNotificationValue>? progress = null)
    {
        var arguments = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(argumentsJson)!
            .ToDictionary(kv => kv.Key, kv => (object?)kv.Value);
        return await client.CallToolAsync(tool, arguments, progress, cancellationToken: cancellationToken);
    }
}
