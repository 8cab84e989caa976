// Waiting for sessions to stop without blind sleeping: one inotify descriptor for all of them (ExitRecordWatcher) wakes
// us when a supervisor writes an exit record; a slow fallback poll catches supervisors that died without writing one.
namespace Zwarm.Core.Sessions;

public enum WaitMode
{
    /// <summary>Return when every session has stopped.</summary>
    All,
    /// <summary>Return when at least one session has stopped.</summary>
    Any,
}

public sealed partial class SessionService
{
    private static readonly TimeSpan FallbackPoll = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Waits until the sessions stop (all of them, or any one). Returns their states and whether time ran out.
    /// </summary>
    public async Task<WaitResult> WaitAsync(IReadOnlyList<string> idsOrPrefixes, WaitMode mode, TimeSpan? timeout,
        CancellationToken cancellationToken)
    {
        var ids = idsOrPrefixes.Select(Store.Resolve).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            throw new ZwarmException(ErrorKind.Usage, "no sessions to wait for");
        }

        using var signal = new SemaphoreSlim(0);
        var watcher = ExitRecordWatcher.TryStart(ids.Select(Store.TurnsDirectory).Where(Directory.Exists), signal);
        try
        {
            var deadline = timeout is { } t ? Time.GetUtcNow() + t : (DateTimeOffset?)null;
            while (true)
            {
                var sessions = new List<SessionMeta>(ids.Count);
                foreach (var id in ids)
                {
                    sessions.Add(await RefreshAsync(LoadOrThrow(id), cancellationToken).ConfigureAwait(false));
                }
                var stopped = sessions.Count(s => s.Status.IsStopped());
                if (mode == WaitMode.All ? stopped == sessions.Count : stopped > 0)
                {
                    return new WaitResult(sessions, TimedOut: false);
                }
                var remaining = deadline is { } d ? d - Time.GetUtcNow() : FallbackPoll;
                if (remaining <= TimeSpan.Zero)
                {
                    return new WaitResult(sessions, TimedOut: true);
                }
                // The tick runs on the injected clock, so tests drive the deadline with fake time.
                using var tick = new CancellationTokenSource(remaining < FallbackPoll ? remaining : FallbackPoll, Time);
                using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, tick.Token);
                try
                {
                    await signal.WaitAsync(timer.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    // fallback poll tick or deadline: re-check
                }
            }
        }
        finally
        {
            watcher?.Dispose();
        }
    }
}

/// <summary>Sessions as they stood when the wait ended.</summary>
public sealed record WaitResult(IReadOnlyList<SessionMeta> Sessions, bool TimedOut);
