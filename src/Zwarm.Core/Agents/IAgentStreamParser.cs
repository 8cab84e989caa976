using Zwarm.Core.Events;

namespace Zwarm.Core.Agents;

/// <summary>
/// Turns one agent's stdout, line by line, into normalized <see cref="AgentEvent"/>s. Stateful (it may pair a tool
/// call with its result), so create one per turn file. Must never throw on bad input: a line that is not JSON, or
/// JSON of an unexpected shape, is counted in <see cref="MalformedLines"/> and skipped.
/// </summary>
public interface IAgentStreamParser
{
    /// <summary>Parses one line (UTF-8, without its newline) and appends the events it yields to <paramref name="sink"/>.</summary>
    void ParseLine(ReadOnlySpan<byte> utf8Line, List<AgentEvent> sink);

    /// <summary>Lines that could not be parsed.</summary>
    int MalformedLines { get; }

    /// <summary>
    /// Most characters to keep of the bulky texts a reader may not want in full: command output, tool results,
    /// reasoning. Longer ones are cut to exactly their first <c>BulkTextLimit</c> characters (so a caller that shortens
    /// to one less can still tell they were longer), and are cheaper to read. Null (the default) keeps everything.
    /// What the agent says to the user is never cut. A parser may ignore this.
    /// </summary>
    int? BulkTextLimit { get => null; set { } }
}
