// One Codex line as the stateless half of the parser leaves it (ISplitLineParser.Decode): everything read from the
// JSON, nothing yet turned into events, so the decoding can run on another core.
using Zwarm.Core.Events;

namespace Zwarm.Core.Agents.Codex;

internal sealed class CodexLine
{
    public CodexEventType Type;
    public string? TypeName;
    public string? ThreadId;
    public string? Message;
    public string? Failure;
    public TokenUsage? Usage;
    public CodexItem Item;
}
