// Access to the captured agent output in Samples/ (copied next to the test assembly).
using Zwarm.Core.Agents;
using Zwarm.Core.Events;

namespace Zwarm.Core.Tests;

internal static class Samples
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Samples", name);

    /// <summary>Parses a sample file through TurnFileReader, as zwarm reads a turn file.</summary>
    public static List<AgentEvent> Parse(string name, IAgentStreamParser parser, ParseStats? stats = null) =>
        [.. TurnFileReader.ReadEvents(PathOf(name), parser, stats)];

    /// <summary>Feeds raw lines to a parser.</summary>
    public static List<AgentEvent> ParseLines(IAgentStreamParser parser, params string[] lines)
    {
        var events = new List<AgentEvent>();
        foreach (var line in lines)
        {
            parser.ParseLine(System.Text.Encoding.UTF8.GetBytes(line), events);
        }
        return events;
    }
}
