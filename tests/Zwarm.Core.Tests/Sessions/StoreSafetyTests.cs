using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using Zwarm.Core.Sessions;
using Zwarm.Core.Tests.Support;

namespace Zwarm.Core.Tests.Sessions;

/// <summary>Private modes, special files, the UTC twin of updated_at, and leftovers.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class StoreSafetyTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Create_MakesTheStorePrivate()
    {
        var store = new SessionStore(_dir.Combine(".zwarm"));
        var meta = MetaFactory.Completed();
        store.Create(meta);

        var dirMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        Assert.Equal(dirMode, File.GetUnixFileMode(store.StateDirectory));
        Assert.Equal(dirMode, File.GetUnixFileMode(store.SessionsDirectory));
        Assert.Equal(dirMode, File.GetUnixFileMode(store.SessionDirectory(meta.Id)));
        Assert.Equal(dirMode, File.GetUnixFileMode(store.TurnsDirectory(meta.Id)));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(store.MetaPath(meta.Id)));
    }

    [Fact]
    public void Write_TightensAnOldWorldReadableSession()
    {
        var store = new SessionStore(_dir.Combine(".zwarm"));
        var meta = MetaFactory.Completed();
        store.Create(meta);
        var open = (UnixFileMode)0b111_101_101;
        File.SetUnixFileMode(store.SessionDirectory(meta.Id), open);

        store.Write(meta with { Task = "again" });

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
            File.GetUnixFileMode(store.SessionDirectory(meta.Id)));
    }

    [Fact]
    public async Task AFifoInPlaceOfMetaJson_IsReportedAtOnce_NeverOpened()
    {
        var store = new SessionStore(_dir.Combine(".zwarm"));
        var meta = MetaFactory.Completed();
        store.Create(meta);
        File.Delete(store.MetaPath(meta.Id));
        using (var mkfifo = Process.Start("mkfifo", store.MetaPath(meta.Id)))
        {
            await mkfifo.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }

        var load = Task.Run(() => store.Load(meta.Id));
        var e = await Assert.ThrowsAsync<CorruptSessionException>(() => load.WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Contains("not a regular file", e.Reason);
    }

    [Fact]
    public void UpdatedAt_WrittenInOneZone_HasTheSameInstantReadInAnother()
    {
        var instant = DateTimeOffset.Parse("2026-12-01T10:00:00Z");
        var east = new FakeTimeProvider(instant);
        east.SetLocalTimeZone(Zone("UTC+14", 14));
        var store = new SessionStore(_dir.Combine(".zwarm"), east);
        var meta = MetaFactory.Completed() with { UpdatedAt = Timestamps.Now(east) };
        store.Create(meta);

        var west = Zone("UTC-10", -10);
        var read = store.Load(meta.Id)!;

        Assert.Equal(instant, Timestamps.Instant(read.UpdatedAt, read.UpdatedAtUtc, west));
        // The naive stamp alone, read in the other zone, is a day off: what the twin is for.
        Assert.Equal(TimeSpan.FromHours(24), (Timestamps.Parse(read.UpdatedAt, west)! - instant).Value.Duration());
    }

    [Fact]
    public void ATwinLeftBehindByAToolThatRewroteUpdatedAt_IsIgnored()
    {
        Assert.True(Timestamps.IsTwin("2026-12-02T00:00:00.123456", "2026-12-01T10:00:00.123456Z"));
        Assert.False(Timestamps.IsTwin("2026-12-02T00:07:13.654321", "2026-12-01T10:00:00.123456Z"));
        Assert.False(Timestamps.IsTwin("2026-12-02T00:00:00.123456", null));
    }

    [Fact]
    public async Task Leftovers_AreFound_AndStaleOnesRemoved_ButAFreshOneIsLeftForItsMaker()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var store = new SessionStore(_dir.Combine(".zwarm"), time);
        store.Create(MetaFactory.Completed());
        var halfMade = SessionId.New();
        Directory.CreateDirectory(Path.Combine(store.SessionDirectory(halfMade), "turns"));
        var halfDeleted = Path.Combine(store.SessionsDirectory, ".deleting-" + SessionId.New() + "-abc");
        Directory.CreateDirectory(Path.Combine(halfDeleted, "turns"));
        File.WriteAllText(Path.Combine(halfDeleted, "turns", "turn_1.jsonl"), "secret transcript");
        var leftovers = new StoreLeftovers(store);

        Assert.Equal(2, leftovers.Find().Count);
        Assert.Empty(leftovers.FindStale());

        time.Advance(TimeSpan.FromMinutes(2));
        foreach (var l in leftovers.FindStale())
        {
            Assert.True(await leftovers.RemoveAsync(l, CancellationToken.None));
        }

        Assert.Empty(leftovers.Find());
        Assert.False(Directory.Exists(halfDeleted));
        Assert.Single(store.EnumerateIds());
    }

    [Fact]
    public async Task AHalfMadeSessionWhoseLockIsHeld_IsNotRemoved()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow + TimeSpan.FromMinutes(5));
        var store = new SessionStore(_dir.Combine(".zwarm"), time);
        var id = SessionId.New();
        Directory.CreateDirectory(store.TurnsDirectory(id));
        using var held = await new SessionStore(store.StateDirectory).LockAsync(id, CancellationToken.None);
        var leftovers = new StoreLeftovers(store);

        var stale = Assert.Single(leftovers.FindStale());
        Assert.False(await leftovers.RemoveAsync(stale, CancellationToken.None));
        Assert.True(Directory.Exists(store.SessionDirectory(id)));
    }

    private static TimeZoneInfo Zone(string name, int hours) =>
        TimeZoneInfo.CreateCustomTimeZone(name, TimeSpan.FromHours(hours), name, name);
}
