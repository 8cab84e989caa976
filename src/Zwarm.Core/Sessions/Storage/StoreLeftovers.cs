// Every state zwarm can leave behind, zwarm can clean up: a session folder without meta.json (zwarm killed between
// creating the folder and writing the file) and a `.deleting-*` folder (killed while deleting). Such a folder may be
// in the making right now, so `clean` and `doctor --fix` remove one only when it is older than a minute and nobody
// holds its lock; `rm --force ID` removes a named one at once (under its lock).
namespace Zwarm.Core.Sessions;

public sealed class StoreLeftovers(SessionStore store)
{
    internal const string DeletingPrefix = ".deleting-";

    /// <summary>Younger leftovers may belong to an operation still running.</summary>
    public static readonly TimeSpan MinimumAge = TimeSpan.FromMinutes(1);

    /// <summary>The leftovers in sessions/, oldest first.</summary>
    public IReadOnlyList<StoreLeftover> Find()
    {
        if (!Directory.Exists(store.SessionsDirectory))
        {
            return [];
        }
        var found = new List<StoreLeftover>();
        foreach (var dir in new DirectoryInfo(store.SessionsDirectory).EnumerateDirectories())
        {
            if (dir.LinkTarget is not null)
            {
                continue;
            }
            if (dir.Name.StartsWith(DeletingPrefix, StringComparison.Ordinal))
            {
                found.Add(new StoreLeftover(dir.Name, dir.FullName, LeftoverKind.HalfDeleted, dir.LastWriteTimeUtc));
            }
            else if (SessionId.IsFull(dir.Name) && StoreNative.Lstat(Path.Combine(dir.FullName, "meta.json")) is null)
            {
                found.Add(new StoreLeftover(dir.Name, dir.FullName, LeftoverKind.HalfMade, dir.LastWriteTimeUtc));
            }
        }
        return found.OrderBy(l => l.ModifiedAt).ToList();
    }

    /// <summary>The leftovers old enough to remove without disturbing an operation in progress.</summary>
    public IReadOnlyList<StoreLeftover> FindStale()
    {
        var now = store.Time.GetUtcNow();
        return Find().Where(l => now - l.ModifiedAt >= MinimumAge).ToList();
    }

    /// <summary>
    /// Removes a leftover. A half-made session is removed only under its lock, taken without waiting, and only if it
    /// still has no meta.json. Returns false when it was in use (or already gone).
    /// </summary>
    public async Task<bool> RemoveAsync(StoreLeftover leftover, CancellationToken cancellationToken)
    {
        if (leftover.Kind == LeftoverKind.HalfDeleted)
        {
            return TryDelete(leftover.Path);
        }
        FileLock held;
        try
        {
            held = await store.LockAsync(leftover.Name, TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        }
        catch (ZwarmException e) when (e.Kind is ErrorKind.State or ErrorKind.NotFound)
        {
            return false;
        }
        using (held)
        {
            if (StoreNative.Lstat(store.MetaPath(leftover.Name)) is not null)
            {
                return false;
            }
            store.Delete(leftover.Name);
            return true;
        }
    }

    private bool TryDelete(string path)
    {
        try
        {
            store.DeleteFolder(path);
            return true;
        }
        catch (ZwarmException e) when (e.InnerException is DirectoryNotFoundException)
        {
            // another zwarm finished deleting it
            return false;
        }
    }
}
