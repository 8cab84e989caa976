using System.CommandLine;
using Zwarm.Cli.Infrastructure;

namespace Zwarm.Cli.Commands;

/// <summary>
/// `zwarm __finalize --state-dir DIR ID TURN` (hidden): what a turn's supervisor runs right after it wrote the exit
/// record, so the turn's end (status, usage, end-of-turn hooks) is recorded at once, with no other zwarm running. Its
/// output goes to the turn's stderr file; a failure changes nothing (the next zwarm that reads the session finalizes).
/// </summary>
internal static class FinalizeCommand
{
    public const string Name = "__finalize";

    public static Command Create(CommandActions actions)
    {
        var id = new Argument<string>("id") { Description = "Full session id" };
        var turn = new Argument<int>("turn") { Description = "The turn that ended" };
        var command = new Command(Name, "Record the end of a turn (run by the turn's supervisor)") { id, turn };
        command.Hidden = true;
        actions.Set(command, async (ctx, ct) =>
        {
            await ctx.Sessions.FinalizeTurnAsync(ctx.Get(id)!, ctx.Get(turn), ct);
            return ExitCodes.Success;
        });
        return command;
    }
}
