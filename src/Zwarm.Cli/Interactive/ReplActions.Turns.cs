// spawn, continue, wait: the commands that start turns or wait for them.
using Spectre.Console;
using Zwarm.Cli.Infrastructure;
using Zwarm.Cli.Rendering;

namespace Zwarm.Cli.Interactive;

internal sealed partial class ReplActions
{
    private async Task<int> SpawnAsync(ReplArguments args, CancellationToken ct)
    {
        var task = args.Text(0, "the task");
        var meta = await _context.Sessions.StartAsync(new StartRequest(task, args.Value(Adapter.Name), args.Value(Model.Name),
            ExpandHome(args.Value(Dir.Name)), args.Value(Sandbox.Name)), ct);
        _context.LastSessionId = meta.Id;
        var model = string.IsNullOrEmpty(meta.Model) ? "default model" : meta.Model;
        _context.Terminal.Console.MarkupLine($"[green]started[/] {Markup.Escape(meta.Adapter)} session [bold]{Format.ShortId(meta.Id)}[/] " +
            $"[grey]({Markup.Escape(model)}, {Markup.Escape(meta.Sandbox ?? "")}, in {Markup.Escape(meta.WorkingDir)})[/]");
        return await FollowUpAsync(meta.Id, args.Has(Wait.Name), ct);
    }

    private async Task<int> ContinueAsync(ReplArguments args, CancellationToken ct)
    {
        var id = await _context.ResolveAsync(args.Required(0, "the session id"), ct);
        var message = args.Text(1, "the message");
        var meta = await _context.Sessions.ContinueAsync(id, message, ct);
        _context.Terminal.Console.MarkupLine($"[green]started[/] turn {meta.Turn} of [bold]{Format.ShortId(meta.Id)}[/]");
        return await FollowUpAsync(meta.Id, args.Has(Wait.Name), ct);
    }

    // A started turn is either waited for now (--wait) or announced when it ends.
    private async Task<int> FollowUpAsync(string id, bool wait, CancellationToken ct)
    {
        if (wait)
        {
            return await WaitForAsync([id], WaitMode.All, null, ct);
        }
        _context.Notifier.Track(id);
        return ExitCodes.Success;
    }

    private async Task<int> WaitAsync(ReplArguments args, CancellationToken ct)
    {
        args.Required(0, "a session id");
        var timeout = DurationParser.ParseOption(args.Value("--timeout"), "--timeout");
        var ids = new List<string>();
        foreach (var word in args.Positionals)
        {
            ids.Add(await _context.ResolveAsync(word, ct));
        }
        return await WaitForAsync(ids, args.Has("--any") ? WaitMode.Any : WaitMode.All, timeout, ct);
    }

    // The REPL stands in for a shell here, so `~` and `~/x` mean the home directory, as they would there.
    private string? ExpandHome(string? dir)
    {
        var home = _context.Sessions.Context.Environment.GetValueOrDefault("HOME");
        if (dir is null || string.IsNullOrEmpty(home) || !(dir == "~" || dir.StartsWith("~/", StringComparison.Ordinal)))
        {
            return dir;
        }
        return Path.Combine(home, dir.Length > 2 ? dir[2..] : "");
    }

    private async Task<int> WaitForAsync(IReadOnlyList<string> ids, WaitMode mode, TimeSpan? timeout, CancellationToken ct)
    {
        var result = await _context.Sessions.WaitAsync(ids, mode, timeout, ct);
        WaitReport.Write(_context.Terminal, result);
        foreach (var stopped in result.Sessions.Where(s => s.Status.IsStopped()))
        {
            _context.Notifier.Forget(stopped.Id);
        }
        return WaitReport.ExitCode(result);
    }
}
