// One turn as `show` presents it: what meta.json records about it, plus a single streaming pass over its turn file
// that hands each agent message to the caller as it is read and counts the rest, so a 100 MB turn file is shown in
// constant memory.
using Zwarm.Core.Events;
using Zwarm.Core.Sessions;

namespace Zwarm.Core.Output;

public sealed record ShowTurn(int Turn, string Prompt, SessionStatus Status, int? ExitCode, string? Error, TurnUsage? Usage,
    decimal? CostUsd)
{
    public static ShowTurn From(SessionMeta meta, int turn)
    {
        var info = meta.Turns.FirstOrDefault(t => t.Turn == turn);
        return new ShowTurn(turn, info?.Prompt ?? (turn == 1 ? meta.Task : ""), info?.Status ?? meta.Status, info?.ExitCode,
            info?.Error, info?.Usage, info?.CostUsd);
    }

    /// <summary>Reads the turn's events once: every agent message goes to <paramref name="onMessage"/>, in order.</summary>
    public TurnCounts Walk(SessionService sessions, SessionMeta meta, Action<string> onMessage)
    {
        int commands = 0, files = 0, tools = 0;
        // Outputs and reasoning are not shown: not decoding them is most of the work saved on a big turn.
        foreach (var e in sessions.ReadTurnEvents(meta, Turn, bulkTextLimit: 0))
        {
            switch (e)
            {
                case AssistantMessage m: onMessage(m.Text); break;
                case CommandExecuted: commands++; break;
                case FileChanged: files++; break;
                case ToolCall: tools++; break;
            }
        }
        return new TurnCounts(commands, files, tools);
    }
}
