// Writing the store: creating a session (private folders), replacing meta.json (with the UTC twin of updated_at),
// persisting a derived status where the store allows it, and removing a session folder (rename away, then delete).
using System.Text.Json;

namespace Zwarm.Core.Sessions;

public sealed partial class SessionStore
{
    /// <summary>Creates the session's folder and writes its first meta.json.</summary>
    public void Create(SessionMeta meta)
    {
        try
        {
            if (!Directory.Exists(StateDirectory))
            {
                PrivateStore.CreateDirectoryOnce(StateDirectory);
                Workspaces.StateIgnoreFile.Ensure(StateDirectory); // runtime files stay out of `git status`
            }
            PrivateStore.CreateDirectoryOnce(SessionsDirectory);
            PrivateStore.CreateDirectory(TurnsDirectory(meta.Id));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw StoreErrors.WriteFailed(SessionsDirectory, e);
        }
        Write(meta);
    }

    /// <summary>
    /// Atomically replaces meta.json (adding the UTC twin of updated_at). Callers doing read-modify-write must hold
    /// <see cref="LockAsync"/>. Fails at once with the real reason (read-only, permission, disk full).
    /// </summary>
    public void Write(SessionMeta meta)
    {
        if (TryWrite(meta) is { } failure)
        {
            throw Directory.Exists(SessionDirectory(meta.Id)) ? StoreErrors.WriteFailed(MetaPath(meta.Id), failure)
                : new ZwarmException(ErrorKind.NotFound, $"no session {meta.Id} (it was removed)");
        }
    }

    /// <summary>
    /// Persists a status derived from facts. On a store that cannot be written it persists nothing and says
    /// nothing: the facts stay on disk, so the next reader derives the same status.
    /// </summary>
    public bool WriteDerived(SessionMeta meta)
    {
        if (TryWrite(meta) is not { } failure)
        {
            return true;
        }
        if (StoreErrors.IsUnwritable(failure))
        {
            return false;
        }
        throw StoreErrors.WriteFailed(MetaPath(meta.Id), failure);
    }

    private Exception? TryWrite(SessionMeta meta)
    {
        if (!Timestamps.IsTwin(meta.UpdatedAt, meta.UpdatedAtUtc))
        {
            meta = meta with { UpdatedAtUtc = Timestamps.UtcTwin(meta.UpdatedAt, _time.LocalTimeZone) };
        }
        var bytes = JsonSerializer.SerializeToUtf8Bytes(meta, SessionJsonContext.Store.SessionMeta);
        try
        {
            PrivateStore.Tighten(SessionDirectory(meta.Id));
            AtomicFile.WriteAllBytes(MetaPath(meta.Id), bytes);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return e;
        }
    }

    /// <summary>Deletes a session's folder. The caller holds its lock and has decided, under it, that it is not running.</summary>
    public void Delete(string id) => DeleteFolder(SessionDirectory(id));

    /// <summary>
    /// Removes a folder of sessions/: renamed away first (so a reader never sees half a session and a lock waiter
    /// finds it gone), then deleted; links inside are removed, never followed. A folder left half-deleted by a crash
    /// stays as `.deleting-*`, which <see cref="StoreLeftovers"/> finds and removes.
    /// </summary>
    internal void DeleteFolder(string dir)
    {
        if (!Directory.Exists(dir))
        {
            return;
        }
        var trash = Path.GetFileName(dir).StartsWith(StoreLeftovers.DeletingPrefix, StringComparison.Ordinal)
            ? dir
            : Path.Combine(SessionsDirectory, $"{StoreLeftovers.DeletingPrefix}{Path.GetFileName(dir)}-{Guid.NewGuid():N}");
        try
        {
            if (!ReferenceEquals(trash, dir))
            {
                Directory.Move(dir, trash);
            }
            Directory.Delete(trash, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw StoreErrors.WriteFailed(dir, e);
        }
    }
}
