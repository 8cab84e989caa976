// A parser whose work on one line splits in two, so a big turn file can be parsed on several cores and still give
// exactly the events of a line-by-line read: Decode is the costly, stateless part (walking the JSON, decoding
// strings) and may run on any thread, any line in any order; Apply is the cheap part that needs the parser's state
// (pairing a tool call with its result, the last message of a turn) and runs on one thread, line by line, in file
// order. ParseLine(line) must give what Apply(Decode(line), line) gives.
using Zwarm.Core.Events;

namespace Zwarm.Core.Agents;

internal interface ISplitLineParser : IAgentStreamParser
{
    /// <summary>
    /// The line, decoded as far as that needs no state. Thread-safe; must not throw (a malformed line gives a value
    /// that Apply counts as malformed). <paramref name="utf8Line"/> stays valid until the matching Apply returns.
    /// </summary>
    object? Decode(ReadOnlyMemory<byte> utf8Line);

    /// <summary>Appends the events of a decoded line to <paramref name="sink"/>, in file order, on one thread.</summary>
    void Apply(object? decoded, ReadOnlySpan<byte> utf8Line, List<AgentEvent> sink);
}
