using Microsoft.Extensions.Time.Testing;
using Zwarm.Core.Sessions;
using Zwarm.Core.Tests.Support;

namespace Zwarm.Core.Tests.Sessions;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class FileLockTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task AHeldLock_TimesOutOnTheInjectedClock_NotBefore()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-01T10:00:00Z"));
        var path = _dir.Combine(".lock");
        var start = time.GetUtcNow();
        using var held = await FileLock.AcquireAsync(path, TimeSpan.FromSeconds(30), time, CancellationToken.None);

        var waiting = FileLock.AcquireAsync(path, TimeSpan.FromSeconds(30), time, CancellationToken.None);
        var realLimit = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!waiting.IsCompleted && DateTime.UtcNow < realLimit)
        {
            Assert.True(time.GetUtcNow() - start < TimeSpan.FromSeconds(31), "still waiting after the timeout");
            time.Advance(TimeSpan.FromMilliseconds(250));
            await Task.Delay(1);
        }

        await Assert.ThrowsAsync<LockTimeoutException>(() => waiting);
        Assert.True(time.GetUtcNow() - start >= TimeSpan.FromSeconds(30), $"gave up after {time.GetUtcNow() - start}");
    }

    [Fact]
    public async Task AReleasedLock_IsTakenByTheWaiter()
    {
        var path = _dir.Combine(".lock");
        var held = await FileLock.AcquireAsync(path, TimeSpan.FromSeconds(5), CancellationToken.None);
        var waiting = FileLock.AcquireAsync(path, TimeSpan.FromSeconds(20), CancellationToken.None);
        Assert.False(waiting.IsCompleted);
        held.Dispose();
        using var taken = await waiting.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.False(taken.IsReadOnly);
    }

    [Fact]
    public async Task ADanglingLockSymlink_IsRefused_AndNothingIsCreatedOutsideTheStore()
    {
        var store = new SessionStore(_dir.Combine(".zwarm"));
        var meta = MetaFactory.Completed();
        store.Create(meta);
        var outside = _dir.Combine("outside-target");
        File.CreateSymbolicLink(store.LockPath(meta.Id), outside);

        var e = await Assert.ThrowsAsync<ZwarmException>(() => store.LockAsync(meta.Id, CancellationToken.None));

        Assert.Equal(ErrorKind.State, e.Kind);
        Assert.Contains("symbolic link", e.Message);
        Assert.False(File.Exists(outside));
    }

    [Fact]
    public async Task AWaiter_FindsARemovedSessionGone_AndNeverRecreatesItsFolder()
    {
        var store = new SessionStore(_dir.Combine(".zwarm"));
        var meta = MetaFactory.Completed();
        store.Create(meta);
        var held = await store.LockAsync(meta.Id, CancellationToken.None);
        var waiter = store.LockAsync(meta.Id, CancellationToken.None);
        Assert.False(waiter.IsCompleted);

        store.Delete(meta.Id);
        held.Dispose();

        var e = await Assert.ThrowsAsync<ZwarmException>(() => waiter.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Equal(ErrorKind.NotFound, e.Kind);
        Assert.False(Directory.Exists(store.SessionDirectory(meta.Id)));
    }

    [Fact]
    public async Task TheLockFile_IsPrivate()
    {
        var path = _dir.Combine(".lock");
        using (await FileLock.AcquireAsync(path, TimeSpan.FromSeconds(5), CancellationToken.None))
        {
        }
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }
}
