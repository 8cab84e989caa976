// What the REPL's own commands share: the terminal, the REPL's session service (for announcements), the key
// watcher, and the REPL's state (whether `quit` was asked).
using Zwarm.Cli.Infrastructure;

namespace Zwarm.Cli.Interactive;

internal sealed class ReplContext(Terminal terminal, SessionService sessions, IKeyWatcher keys)
{
    private SessionNotifier? _notifier;

    public Terminal Terminal { get; } = terminal;

    public SessionService Sessions { get; } = sessions;

    public IKeyWatcher Keys { get; } = keys;

    /// <summary>Turns started here that the REPL announces when they end (at a terminal).</summary>
    public SessionNotifier Notifier => _notifier ??= new SessionNotifier(this);

    /// <summary>The width help and listings are fitted to (the terminal's, read live).</summary>
    public int Width => Math.Max(20, Terminal.Console.Profile.Width);

    /// <summary>Announce turns that end (at a terminal, never for scripts).</summary>
    public bool Announce { get; init; }

    /// <summary>Set by `quit [N]`: the REPL ends with this exit code.</summary>
    public int? ExitRequested { get; set; }
}
