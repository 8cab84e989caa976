// kill, rm, clean: the commands that stop or delete sessions. Ids are all resolved before anything changes, so
// one bad id in a list changes nothing.
using Zwarm.Cli.Infrastructure;
using Zwarm.Cli.Rendering;
using Zwarm.Core;

namespace Zwarm.Cli.Interactive;

internal sealed partial class ReplActions
{
    private const string AllWord = "all";

    private async Task<int> KillAsync(ReplArguments args, CancellationToken ct)
    {
        args.Required(0, "a session id (or all)");
        IReadOnlyList<KillResult> results;
        if (IsAll(args))
        {
            results = await _context.Sessions.KillAllAsync(ct);
            if (results.Count == 0)
            {
                _context.Terminal.Out.WriteLine("no running sessions");
            }
        }
        else
        {
            var ids = await ResolveAllAsync(args, ct);
            results = await Task.WhenAll(ids.Select(id => _context.Sessions.KillAsync(id, ct)));
        }
        foreach (var r in results)
        {
            ChangeReport.WriteKilled(_context.Terminal.Console, r);
            _context.Notifier.Forget(r.Session.Id);
        }
        return ExitCodes.Success;
    }

    private async Task<int> RemoveAsync(ReplArguments args, CancellationToken ct)
    {
        args.Required(0, "a session id (or all)");
        var force = args.Has("--force");
        if (IsAll(args))
        {
            var listing = await _context.Sessions.ListAsync(ct);
            var running = listing.Sessions.Count(s => !s.Status.IsStopped());
            if (force)
            {
                foreach (var s in listing.Sessions.Where(s => !s.Status.IsStopped()))
                {
                    var meta = await _context.Sessions.RemoveAsync(s.Id, force: true, ct);
                    _context.Terminal.Out.WriteLine(ChangeReport.Removed(meta.Id, meta.Status.ToName()));
                }
            }
            var removed = await _context.Sessions.CleanAsync(olderThan: null, dryRun: false, ct);
            foreach (var s in removed)
            {
                _context.Terminal.Out.WriteLine(ChangeReport.Removed(s.Id, s.Status.ToName()));
            }
            if (removed.Count == 0 && (running == 0 || !force))
            {
                _context.Terminal.Out.WriteLine("nothing to remove");
            }
            if (running > 0 && !force)
            {
                _context.Terminal.Out.WriteLine($"kept {running} running session(s); kill them first, or use rm all --force");
            }
            return ExitCodes.Success;
        }
        var ids = await ResolveAllAsync(args, ct);
        if (!force)
        {
            foreach (var id in ids)
            {
                var current = await _context.Sessions.GetAsync(id, ct);
                if (!current.Status.IsStopped())
                {
                    throw new ZwarmException(ErrorKind.Conflict,
                        $"session {Format.ShortId(id)} is {current.Status.ToName()}; kill it first (or rm --force); nothing was removed");
                }
            }
        }
        foreach (var id in ids)
        {
            var meta = await _context.Sessions.RemoveAsync(id, force, ct);
            _context.Terminal.Out.WriteLine(ChangeReport.Removed(meta.Id, meta.Status.ToName()));
            if (_context.LastSessionId == meta.Id)
            {
                _context.LastSessionId = null;
            }
        }
        return ExitCodes.Success;
    }

    private async Task<int> CleanAsync(ReplArguments args, CancellationToken ct)
    {
        args.AtMost(0);
        var cutoff = DurationParser.ParseOption(args.Value("--older-than") ?? "7d", "--older-than");
        var dryRun = args.Has("--dry-run");
        var victims = await _context.Sessions.CleanAsync(cutoff, dryRun, ct);
        var verb = dryRun ? "would remove" : "removed";
        foreach (var v in victims)
        {
            _context.Terminal.Out.WriteLine(ChangeReport.Cleaned(verb, v, _context.Now));
        }
        _context.Terminal.Out.WriteLine($"{verb} {victims.Count} session(s)");
        return ExitCodes.Success;
    }

    // `all` stands alone: "kill all abc" is a mistake, not a request to kill everything.
    private static bool IsAll(ReplArguments args)
    {
        var all = args.Positionals.Any(p => string.Equals(p, AllWord, StringComparison.OrdinalIgnoreCase));
        if (all && args.Positionals.Count > 1)
        {
            throw ReplArguments.Usage(args.Command, $"{args.Command.Name}: give session ids or all, not both");
        }
        return all;
    }

    private async Task<IReadOnlyList<string>> ResolveAllAsync(ReplArguments args, CancellationToken ct)
    {
        var ids = new List<string>();
        foreach (var word in args.Positionals)
        {
            ids.Add(await _context.ResolveAsync(word, ct));
        }
        return ids.Distinct(StringComparer.Ordinal).ToList();
    }
}
