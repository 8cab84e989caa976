// Renders chat messages as plain text for a reviewer model: roles, text, tool calls with arguments, results cut short.
using System.Text;
using Microsoft.Extensions.AI;

namespace Zwarm.Orchestration.Watchers;

internal static class TranscriptRenderer
{
    public static string Render(IEnumerable<ChatMessage> messages, int maxResultChars = 600)
    {
        var text = new StringBuilder();
        foreach (var message in messages)
        {
            foreach (var content in message.Contents)
            {
                switch (content)
                {
                    case TextContent t when !string.IsNullOrWhiteSpace(t.Text):
                        text.Append('[').Append(message.Role.Value).Append("] ").AppendLine(Cut(t.Text, 2000));
                        break;
                    case FunctionCallContent call:
                        text.Append("[tool call] ").Append(call.Name).Append(' ')
                            .AppendLine(Cut(Instances.MessageCodec.ArgumentsJson(call.Arguments), 600));
                        break;
                    case FunctionResultContent result:
                        text.Append("[tool result] ").AppendLine(Cut(Instances.MessageCodec.ResultText(result.Result), maxResultChars));
                        break;
                }
            }
        }
        return text.ToString();
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max] + "…";
}
