// ls, ? / peek, show, traj, models: the read-only views, through the verbs' renderers.
using Zwarm.Cli.Infrastructure;
using Zwarm.Cli.Rendering;
using Zwarm.Core;

namespace Zwarm.Cli.Interactive;

internal sealed partial class ReplActions
{
    private async Task<int> ListAsync(ReplArguments args, CancellationToken ct)
    {
        args.AtMost(0);
        SessionStatus? filter = null;
        if (args.Value("--status") is { } s)
        {
            filter = SessionStatusExtensions.TryParse(s, out var parsed)
                ? parsed
                : throw new ZwarmException(ErrorKind.Usage, $"ls: unknown status '{s}' (pending, running, completed, failed, killed)");
        }
        var listing = await _context.Sessions.ListAsync(ct, filter);
        foreach (var problem in listing.Problems)
        {
            _context.Terminal.Error($"skipped session {problem.Id}: {problem.Reason}");
        }
        if (listing.Sessions.Count == 0)
        {
            _context.Terminal.Out.WriteLine(filter is null ? "no sessions (start one with: spawn \"task\")" : $"no {filter.Value.ToName()} sessions");
            return ExitCodes.Success;
        }
        _context.Terminal.Console.Write(SessionTable.Build(listing.Sessions, _context.Now));
        foreach (var shown in listing.Sessions.Where(s => s.Status.IsStopped()))
        {
            _context.Notifier.Forget(shown.Id);
        }
        return ExitCodes.Success;
    }

    private async Task<int> PeekAsync(ReplArguments args, CancellationToken ct)
    {
        args.AtMost(1);
        var meta = await _context.GetAsync(args.Required(0, "the session id"), ct);
        PeekRenderer.Render(_context.Terminal.Console, meta, PeekRenderer.Build(_context.Sessions, meta, _context.Now), "show");
        if (meta.Status.IsStopped())
        {
            _context.Notifier.Forget(meta.Id);
        }
        return ExitCodes.Success;
    }

    private async Task<int> ShowAsync(ReplArguments args, CancellationToken ct)
    {
        args.AtMost(1);
        var meta = await _context.GetAsync(args.Required(0, "the session id"), ct);
        var turns = ShowRenderer.SelectTurns(meta, ParseTurn(args));
        if (args.Has("--raw"))
        {
            foreach (var n in turns)
            {
                await RawOutput.CopyAsync(_context.Terminal, _context.Sessions.Store.TurnPath(meta.Id, n), ct);
            }
            return ExitCodes.Success;
        }
        ShowRenderer.Render(_context.Terminal, _context.Sessions, meta, turns, _context.Now);
        return ExitCodes.Success;
    }

    private async Task<int> TrajAsync(ReplArguments args, CancellationToken ct)
    {
        args.AtMost(1);
        var meta = await _context.GetAsync(args.Required(0, "the session id"), ct);
        var turns = ShowRenderer.SelectTurns(meta, ParseTurn(args));
        if (TrajectorySteps.Write(_context.Terminal.Console, _context.Sessions, meta, turns, args.Has("--full"), ct) == 0)
        {
            _context.Terminal.Out.WriteLine("no steps recorded yet");
        }
        return ExitCodes.Success;
    }

    private Task<int> ModelsAsync(ReplArguments args, CancellationToken ct)
    {
        args.AtMost(1);
        var filter = args.Positionals.Count > 0 ? args.Positionals[0] : null;
        var views = ModelTable.Filter(ModelTable.Views(_context.Sessions.Prices), filter);
        if (views.Count == 0)
        {
            _context.Terminal.Out.WriteLine($"no known model matches '{filter}'");
            return Task.FromResult(ExitCodes.Success);
        }
        _context.Terminal.Console.Write(ModelTable.Build(views));
        _context.Terminal.Out.WriteLine(ModelTable.Footnote);
        return Task.FromResult(ExitCodes.Success);
    }

    private static int? ParseTurn(ReplArguments args)
    {
        if (args.Value("--turn") is not { } text)
        {
            return null;
        }
        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new ZwarmException(ErrorKind.Usage, $"--turn: '{text}' is not a turn number");
    }
}
