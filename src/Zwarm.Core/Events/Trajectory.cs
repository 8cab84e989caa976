// Maps normalized events to trajectory steps, optionally shortening long texts (command output, tool results)
// so a summary view stays readable; `--full` keeps everything.
namespace Zwarm.Core.Events;

public static class Trajectory
{
    /// <summary>Default cap on a text field in the summary view.</summary>
    public const int DefaultMaxText = 600;

    /// <summary>The step for <paramref name="e"/>, or null for events that are bookkeeping only.</summary>
    /// <param name="maxText">Longest text kept per field; null keeps everything.</param>
    public static TrajectoryStep? ToStep(AgentEvent e, int turn, int? maxText = DefaultMaxText)
    {
        var truncated = false;
        string? Cut(string? s)
        {
            if (s is null || maxText is not { } max || s.Length <= max)
            {
                return s;
            }
            truncated = true;
            return string.Concat(s.AsSpan(0, max), "…");
        }

        TrajectoryStep? step = e switch
        {
            ConversationStarted c => new TrajectoryStep { Turn = turn, Kind = "conversation", Text = c.ResumeId },
            AssistantMessage m => new TrajectoryStep { Turn = turn, Kind = "message", Text = m.Text },
            Reasoning r => new TrajectoryStep { Turn = turn, Kind = "reasoning", Text = Cut(r.Text) },
            CommandStarted c => new TrajectoryStep { Turn = turn, Kind = "command_started", Command = c.Command },
            CommandExecuted c => new TrajectoryStep
            {
                Turn = turn, Kind = "command", Command = c.Command, Output = Cut(c.Output), ExitCode = c.ExitCode,
            },
            FileChanged f => new TrajectoryStep { Turn = turn, Kind = "file_change", Changes = f.Changes, IsError = !f.Succeeded },
            ToolCall t => new TrajectoryStep { Turn = turn, Kind = "tool_call", Tool = t.Name, Text = Cut(t.Input) },
            ToolResult t => new TrajectoryStep { Turn = turn, Kind = "tool_result", Tool = t.Name, Output = Cut(t.Output), IsError = t.IsError },
            UsageReported u => new TrajectoryStep { Turn = turn, Kind = "usage", Usage = u.Usage },
            ErrorReported r => new TrajectoryStep { Turn = turn, Kind = r.IsWarning ? "warning" : "error", Text = r.Message },
            PermissionDenied p => new TrajectoryStep { Turn = turn, Kind = "permission_denied", Tool = p.ToolName, Text = p.Message },
            TurnCompleted t => new TrajectoryStep { Turn = turn, Kind = "turn_completed", Text = Cut(t.Result) },
            TurnFailed f => new TrajectoryStep { Turn = turn, Kind = "turn_failed", Text = f.Message },
            UnknownEvent u => new TrajectoryStep { Turn = turn, Kind = "unknown", Tool = u.Type, Text = Cut(u.Raw) },
            _ => null,
        };
        return step is null || !truncated ? step : step with { Truncated = true };
    }
}
