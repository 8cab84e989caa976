// Turns raw lines of a turn's output into trajectory steps, one line at a time, for live views (`logs --follow`,
// the REPL's `watch`).
using Zwarm.Core.Agents;
using Zwarm.Core.Events;

namespace Zwarm.Core.Output;

public sealed class TurnLineDecoder(IAgentStreamParser parser, int turn)
{
    private readonly List<AgentEvent> _events = [];

    /// <summary>The steps in one raw line (none for blank lines and bookkeeping events).</summary>
    public IReadOnlyList<TrajectoryStep> Decode(ReadOnlySpan<byte> line)
    {
        if (line.Trim((byte)' ').IsEmpty)
        {
            return [];
        }
        _events.Clear();
        parser.ParseLine(line, _events);
        var steps = new List<TrajectoryStep>(_events.Count);
        foreach (var e in _events)
        {
            if (Trajectory.ToStep(e, turn) is { } step)
            {
                steps.Add(step);
            }
        }
        return steps;
    }
}
