// At a terminal, before each prompt: one line for every session started from this REPL whose turn has ended since
// (status and the start of its reply, or its error), so nobody has to poll with `ls`; a command that already showed
// the end (wait, watch, kill, ls, peek) cancels the announcement. Scripts get no such lines: their output must not
// depend on timing.
using Spectre.Console;
using Zwarm.Cli.Rendering;
using Zwarm.Core;

namespace Zwarm.Cli.Interactive;

internal sealed class SessionNotifier(ReplContext context)
{
    private readonly HashSet<string> _running = new(StringComparer.Ordinal);

    /// <summary>Watches <paramref name="id"/> until its current turn ends.</summary>
    public void Track(string id) => _running.Add(id);

    /// <summary>The end of <paramref name="id"/>'s turn was already shown (wait, watch, kill, ls, peek): no announcement.</summary>
    public void Forget(string id) => _running.Remove(id);

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
                $" [grey]turn {meta.Turn}[/]" + (string.IsNullOrWhiteSpace(reply) ? "" : $"  {Markup.Escape(Format.OneLine(reply, 100))}"));
        }
    }
}
