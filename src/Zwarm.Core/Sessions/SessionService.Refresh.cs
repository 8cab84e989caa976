// Deriving a session's status from facts and persisting it: the exit record the supervisor wrote, whether a process
// of the turn provably lives (TurnProcesses: the launch token in its environment, not just a pid from meta.json), a
// kill request, and the turn's own stream. A turn whose pid never reached meta.json (its zwarm died right after the
// launch) is adopted from the supervisor's pid file; the pending-too-long rule applies only when there is neither.
using Zwarm.Core.Processes;
using Zwarm.Core.Sessions.Finalizing;

namespace Zwarm.Core.Sessions;

public sealed partial class SessionService
{
    /// <summary>A session still pending after this long without a process never started (its spawner died).</summary>
    private static readonly TimeSpan PendingTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Brings a session's status up to date (taking its lock only when something must change).</summary>
    public async Task<SessionMeta> RefreshAsync(SessionMeta meta, CancellationToken cancellationToken)
    {
        if (meta.Status.IsStopped() || !NeedsUpdate(meta))
        {
            return meta.Status.IsStopped() ? meta : await StopOnAuthFailureAsync(meta, cancellationToken).ConfigureAwait(false);
        }
        using var _ = await Store.LockAsync(meta.Id, cancellationToken).ConfigureAwait(false);
        var current = Store.Load(meta.Id) ?? meta;
        return RefreshLocked(current, cancellationToken);
    }

    /// <summary>
    /// Finalizes turn <paramref name="turn"/> of session <paramref name="id"/> if it has ended: what the supervisor
    /// runs (`zwarm __finalize`) right after it wrote the exit record. A no-op when another process already did.
    /// </summary>
    public async Task<SessionMeta?> FinalizeTurnAsync(string id, int turn, CancellationToken cancellationToken)
    {
        if (!SessionId.IsFull(id))
        {
            throw new ZwarmException(ErrorKind.Usage, $"'{id}' is not a session id");
        }
        using var _ = await Store.LockAsync(id, cancellationToken).ConfigureAwait(false);
        var meta = LoadOrThrow(id);
        return meta.Turn == turn ? RefreshLocked(meta, cancellationToken) : meta;
    }

    /// <summary>True when a non-stopped session's record must change: its turn ended, or runs without a recorded pid.</summary>
    private bool NeedsUpdate(SessionMeta meta)
    {
        if (meta.CurrentTurn is not { } turn)
        {
            return !IsLegacyAlive(meta);
        }
        var look = LookAtTurn(meta);
        return look.Phase == TurnPhase.Ended || (look.Phase == TurnPhase.Running && turn.Pid is null);
    }

    /// <summary>Derives and persists the status. Caller holds the session lock.</summary>
    internal SessionMeta RefreshLocked(SessionMeta meta, CancellationToken cancellationToken = default)
    {
        if (meta.Status.IsStopped())
        {
            return meta;
        }
        SessionMeta updated;
        if (meta.CurrentTurn is not { } turn)
        {
            updated = IsLegacyAlive(meta) ? meta : FinalizeLegacy(meta);
        }
        else
        {
            var look = LookAtTurn(meta);
            updated = look.Phase switch
            {
                TurnPhase.Ended => FinalizeTurn(meta, look, cancellationToken),
                TurnPhase.Running when turn.Pid is null && look.Handle is { } handle => Adopt(meta, handle),
                _ => meta,
            };
        }
        if (!ReferenceEquals(updated, meta))
        {
            Store.WriteDerived(updated);
        }
        return updated;
    }

    /// <summary>The current turn's phase and the handle of its processes (meta.json's pid, else the pid file's).</summary>
    private TurnLook LookAtTurn(SessionMeta meta)
    {
        var turn = meta.CurrentTurn!;
        var exitRecorded = File.Exists(Store.ExitPath(meta.Id, meta.Turn));
        var handle = HandleOf(meta.Id, turn);
        if (exitRecorded)
        {
            return new TurnLook(TurnPhase.Ended, handle);
        }
        if (handle is not null)
        {
            // Right after the launch the supervisor may not have called setsid() yet (so it fails the group proof):
            // a live pid with the recorded start time and no pid file yet is a supervisor still starting — the pid
            // file is its first act — never a turn that ended without an exit record.
            var alive = TurnProcesses.IsAlive(handle) || StillStarting(meta.Id, turn, handle);
            return new TurnLook(TurnRules.Phase(false, alive, hasHandle: true, pendingTooLong: false), handle);
        }
        if (!IsPendingTooLong(meta))
        {
            return new TurnLook(TurnPhase.Waiting, null);
        }
        // Long pending with no pid anywhere: a process carrying the turn's token is still its (e.g. the pid file was
        // lost to a full disk); its session id is the turn's process group.
        var carrier = TurnToken.IsValid(turn.LaunchToken) ? TurnProcesses.Carriers(turn.LaunchToken!).FirstOrDefault() : null;
        var found = carrier is null ? null : new TurnHandle(carrier.Session, turn.LaunchToken, null, ProcessInfo.BootId);
        return new TurnLook(TurnRules.Phase(false, found is not null, hasHandle: false, pendingTooLong: true), found);
    }

    private bool StillStarting(string id, TurnInfo turn, TurnHandle handle) =>
        turn.Pid == handle.ProcessGroup && turn.PidStart is not null
        && !File.Exists(PidFilePath(id, turn.Turn))
        && ProcessInfo.IsAlive(handle.ProcessGroup, turn.PidStart, turn.BootId);

    private TurnHandle? HandleOf(string id, TurnInfo turn)
    {
        if (turn.Pid is { } pid)
        {
            return new TurnHandle(pid, turn.LaunchToken, turn.PidStart, turn.BootId);
        }
        return ReadPidFile(id, turn.Turn) is { } fromFile ? new TurnHandle(fromFile, turn.LaunchToken, null, null) : null;
    }

    /// <summary>Records a running turn found through its pid file (the zwarm that launched it died before writing it).</summary>
    private SessionMeta Adopt(SessionMeta meta, TurnHandle handle)
    {
        var now = Timestamps.Now(Time);
        var proof = TurnProcesses.Prove(handle);
        long? start = proof.Witness is { } w && w.Pid == handle.ProcessGroup ? w.StartTime : null;
        return WithCurrentTurn(meta, t => t with
        {
            Status = SessionStatus.Running,
            StartedAt = t.StartedAt ?? now,
            Pid = handle.ProcessGroup,
            PidStart = start,
            BootId = ProcessInfo.BootId,
        }) with
        {
            Status = SessionStatus.Running,
            Pid = handle.ProcessGroup,
            UpdatedAt = now,
        };
    }

    private int? ReadPidFile(string id, int turn)
    {
        try
        {
            var text = System.Text.Encoding.ASCII.GetString(TryReadBytes(PidFilePath(id, turn)) ?? []).Trim();
            return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid)
                && pid > 1 ? pid : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private string PidFilePath(string id, int turn) => Path.Combine(Store.TurnsDirectory(id), $"turn_{turn}.pid");

    private bool IsPendingTooLong(SessionMeta meta)
    {
        var updated = Timestamps.Instant(meta.UpdatedAt, meta.UpdatedAtUtc, Time.LocalTimeZone);
        return updated is null || Time.GetUtcNow() - updated.Value > PendingTimeout;
    }

    /// <summary>Where a turn stands and how to find its processes.</summary>
    private sealed record TurnLook(TurnPhase Phase, TurnHandle? Handle);
}
