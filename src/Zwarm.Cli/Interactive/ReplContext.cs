// What REPL commands share: the terminal, the one session service, the key watcher, and the REPL's own state
// (the session `last` stands for, whether `quit` was asked).
using Zwarm.Cli.Infrastructure;
using Zwarm.Core;

namespace Zwarm.Cli.Interactive;

internal sealed class ReplContext(Terminal terminal, SessionService sessions, IKeyWatcher keys)
{
    private SessionNotifier? _notifier;

    /// <summary>The word that stands for the session most recently started or named in this REPL.</summary>
    public const string LastWord = "last";

    public Terminal Terminal { get; } = terminal;

    public SessionService Sessions { get; } = sessions;

    public IKeyWatcher Keys { get; } = keys;

    /// <summary>Turns started here that the REPL announces when they end (at a terminal).</summary>
    public SessionNotifier Notifier => _notifier ??= new SessionNotifier(this);

    public DateTimeOffset Now => Sessions.Context.Time.GetUtcNow();

    /// <summary>The session `last` stands for; null until one is started or named.</summary>
    public string? LastSessionId { get; set; }

    /// <summary>Set by `quit [N]`: the REPL ends with this exit code.</summary>
    public int? ExitRequested { get; set; }

    /// <summary>Resolves an id, unique prefix or `last` to a full id (and remembers it as `last`).</summary>
    public async Task<string> ResolveAsync(string word, CancellationToken cancellationToken)
    {
        string id;
        if (string.Equals(word, LastWord, StringComparison.OrdinalIgnoreCase))
        {
            id = LastSessionId is { } known && Sessions.Store.Exists(known)
                ? known
                : await NewestAsync(cancellationToken).ConfigureAwait(false)
                    ?? throw new ZwarmException(ErrorKind.NotFound, "no sessions yet ('last' names the session you last started or named)");
        }
        else
        {
            id = Sessions.Store.Resolve(word);
        }
        LastSessionId = id;
        return id;
    }

    /// <summary>The session named by <paramref name="word"/>, its status brought up to date.</summary>
    public async Task<SessionMeta> GetAsync(string word, CancellationToken cancellationToken) =>
        await Sessions.GetAsync(await ResolveAsync(word, cancellationToken).ConfigureAwait(false), cancellationToken)
            .ConfigureAwait(false);

    private async Task<string?> NewestAsync(CancellationToken cancellationToken)
    {
        var listing = await Sessions.ListAsync(cancellationToken).ConfigureAwait(false);
        return listing.Sessions.Count == 0 ? null : listing.Sessions[0].Id;
    }
}
