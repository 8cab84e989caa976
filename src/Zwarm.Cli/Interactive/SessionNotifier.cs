// At a terminal, before each prompt: one line for every session started from this REPL whose turn has ended since
// (status and the start of its reply, or its error), so nobody has to poll with `ls`. A line started a session
// when the session appeared while it ran (spawn) or when it named one that is running after it (continue); a
// line that names a session that has stopped (wait, watch, kill, peek, show ...) showed its end, so the
// announcement is dropped. Scripts get no such lines: their output must not depend on timing.
using System.CommandLine;
using System.CommandLine.Parsing;
using Spectre.Console;
using Zwarm.Cli.Rendering;
using Zwarm.Core;

namespace Zwarm.Cli.Interactive;

internal sealed class SessionNotifier(ReplContext context)
{
    private readonly HashSet<string> _running = new(StringComparer.Ordinal);

    /// <summary>Before a line runs: the sessions that exist (null when nothing is announced, as in scripts).</summary>
    public IReadOnlySet<string>? Before()
    {
        if (!context.Announce)
        {
            return null;
        }
        try
        {
            return context.Sessions.Store.EnumerateIds().ToHashSet(StringComparer.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>After the line: tracks the turns it started, forgets the ones it showed ending.</summary>
    public async Task AfterAsync(IReadOnlySet<string>? before, ParseResult parse, CancellationToken cancellationToken)
    {
        if (before is null)
        {
            return;
        }
        var store = context.Sessions.Store;
        var touched = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            touched.UnionWith(store.EnumerateIds().Where(id => !before.Contains(id)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        foreach (var word in parse.CommandResult.Children.OfType<ArgumentResult>().SelectMany(a => a.Tokens).Select(t => t.Value))
        {
            try
            {
                touched.Add(store.Resolve(word));
            }
            catch (ZwarmException)
            {
                // not a session id (a task, a message): nothing to track
            }
        }
        foreach (var id in touched)
        {
            if (await StatusAsync(id, cancellationToken).ConfigureAwait(false) is { } status && !status.IsStopped())
            {
                _running.Add(id);
            }
            else
            {
                _running.Remove(id);
            }
        }
    }

    public async Task ReportAsync(CancellationToken cancellationToken)
    {
        foreach (var id in _running.ToList())
        {
            SessionMeta meta;
            try
            {
                meta = await context.Sessions.GetAsync(id, cancellationToken);
            }
            catch (Exception e) when (e is ZwarmException or IOException or CorruptSessionException)
            {
                _running.Remove(id); // removed or unreadable: nothing to announce
                continue;
            }
            if (!meta.Status.IsStopped())
            {
                continue;
            }
            _running.Remove(id);
            var reply = meta.Error ?? meta.Messages.LastOrDefault(m => m.Role == "assistant")?.Content;
            context.Terminal.Console.MarkupLine($"[grey]·[/] [bold]{Format.ShortId(meta.Id)}[/] {Format.StatusMarkup(meta.Status)}" +
                $" [grey]turn {meta.Turn}[/]" + (string.IsNullOrWhiteSpace(reply) ? "" : $"  {TerminalText.Escape(Format.OneLine(reply, 100))}"));
        }
    }

    private async Task<SessionStatus?> StatusAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            return (await context.Sessions.GetAsync(id, cancellationToken).ConfigureAwait(false)).Status;
        }
        catch (Exception e) when (e is ZwarmException or IOException or CorruptSessionException or OperationCanceledException)
        {
            return null;
        }
    }
}
