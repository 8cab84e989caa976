// A cheap token estimate (about 4 characters per token, plus a little per message and per call) — good enough to
// decide when to compact; the provider's reported input tokens are used as well when known.
using Microsoft.Extensions.AI;
using Zwarm.Orchestration.Instances;

namespace Zwarm.Orchestration.Compaction;

internal static class TokenEstimator
{
    private const int PerMessage = 4;
    private const int PerCall = 8;

    public static int Estimate(ChatMessage message)
    {
        var chars = 0;
        var calls = 0;
        foreach (var content in message.Contents)
        {
            switch (content)
            {
                case TextContent t:
                    chars += t.Text?.Length ?? 0;
                    break;
                case TextReasoningContent r:
                    chars += (r.Text?.Length ?? 0) + (r.ProtectedData?.Length ?? 0) / 2;
                    break;
                case FunctionCallContent c:
                    chars += c.Name.Length + MessageCodec.ArgumentsJson(c.Arguments).Length;
                    calls++;
                    break;
                case FunctionResultContent r:
                    chars += MessageCodec.ResultText(r.Result).Length;
                    calls++;
                    break;
            }
        }
        return PerMessage + calls * PerCall + (chars + 3) / 4;
    }

    public static int Estimate(IEnumerable<ChatMessage> messages) => messages.Sum(Estimate);
}
