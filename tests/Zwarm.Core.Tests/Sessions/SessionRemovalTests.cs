using Microsoft.Extensions.Time.Testing;
using Zwarm.Core.Config;
using Zwarm.Core.Sessions;
using Zwarm.Core.Tests.Support;

namespace Zwarm.Core.Tests.Sessions;

public sealed class SessionRemovalTests : IDisposable
{
    private readonly FakeAgentWorld _world = new();

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task RemovingSeveral_WithOneRunning_RemovesNone_AndNamesIt()
    {
        var a = await _world.SpawnAndWaitAsync("done");
        var b = await _world.Sessions.StartAsync(new StartRequest("@sleep=30"), CancellationToken.None);

        var e = await Assert.ThrowsAsync<ZwarmException>(() =>
            _world.Sessions.Removal.RemoveAsync([a.Id, b.Id], force: false, CancellationToken.None));

        Assert.Equal(ErrorKind.Conflict, e.Kind);
        Assert.Contains(b.Id[..8], e.Message);
        Assert.Contains("nothing was removed", e.Message);
        Assert.True(_world.Sessions.Store.Exists(a.Id));
        Assert.True(_world.Sessions.Store.Exists(b.Id));
    }

    [Fact]
    public async Task RemovingSeveral_WithABadId_RemovesNone()
    {
        var a = await _world.SpawnAndWaitAsync("done");

        var e = await Assert.ThrowsAsync<ZwarmException>(() =>
            _world.Sessions.Removal.RemoveAsync([a.Id, "ffffffff"], force: false, CancellationToken.None));

        Assert.Equal(ErrorKind.NotFound, e.Kind);
        Assert.True(_world.Sessions.Store.Exists(a.Id));
    }

    [Fact]
    public async Task ForcedRemoval_KillsTheRunningOne_AndRemovesAll()
    {
        var a = await _world.SpawnAndWaitAsync("done");
        var b = await _world.Sessions.StartAsync(new StartRequest("@sleep=30"), CancellationToken.None);

        var removed = await _world.Sessions.Removal.RemoveAsync([a.Id, b.Id], force: true, CancellationToken.None);

        Assert.Equal(2, removed.Count);
        Assert.Equal(SessionStatus.Killed, removed.Single(r => r.Id == b.Id).Meta!.Status);
        Assert.False(_world.Sessions.Store.Exists(a.Id));
        Assert.False(_world.Sessions.Store.Exists(b.Id));
    }

    [Fact]
    public async Task ADamagedOrHalfMadeSession_IsRefusedWithTheWayOut_AndRemovedWithForce()
    {
        var store = _world.Sessions.Store;
        var corrupt = await _world.SpawnAndWaitAsync("done");
        File.WriteAllText(store.MetaPath(corrupt.Id), "{ not json");
        var halfMade = SessionId.New();
        Directory.CreateDirectory(store.TurnsDirectory(halfMade));

        var e = await Assert.ThrowsAsync<ZwarmException>(() => _world.Sessions.RemoveAsync(corrupt.Id, force: false, CancellationToken.None));
        Assert.Equal(ErrorKind.State, e.Kind);
        Assert.Contains("rm --force", e.Message);

        var removed = await _world.Sessions.Removal.RemoveAsync([corrupt.Id, halfMade], force: true, CancellationToken.None);

        Assert.Equal(2, removed.Count);
        Assert.All(removed, r => Assert.NotNull(r.Problem));
        Assert.False(Directory.Exists(store.SessionDirectory(corrupt.Id)));
        Assert.False(Directory.Exists(store.SessionDirectory(halfMade)));
    }

    [Fact]
    public async Task Clean_AfterATimeZoneChange_NeverDeletesAFreshSession()
    {
        using var dir = new TempDirectory();
        var instant = DateTimeOffset.Parse("2026-12-01T10:00:00Z");
        var east = new FakeTimeProvider(instant);
        east.SetLocalTimeZone(TimeZoneInfo.CreateCustomTimeZone("UTC+14", TimeSpan.FromHours(14), "UTC+14", "UTC+14"));
        var writer = Service(dir.Path, east);
        var fresh = MetaFactory.Completed(created: Timestamps.Now(east)) with { UpdatedAt = Timestamps.Now(east) };
        writer.Store.Create(fresh);

        // Ten minutes later, under a zone 24 hours behind: the naive stamp looks a day in the future... and the
        // other way round a day old. Both ways, only the real age counts.
        var west = new FakeTimeProvider(instant + TimeSpan.FromMinutes(10));
        west.SetLocalTimeZone(TimeZoneInfo.CreateCustomTimeZone("UTC-10", TimeSpan.FromHours(-10), "UTC-10", "UTC-10"));
        var eastLater = new FakeTimeProvider(instant + TimeSpan.FromMinutes(10));
        eastLater.SetLocalTimeZone(TimeZoneInfo.CreateCustomTimeZone("UTC+14", TimeSpan.FromHours(14), "UTC+14", "UTC+14"));
        var westWritten = Service(dir.Path, west);
        var other = MetaFactory.Completed() with { UpdatedAt = Timestamps.Now(west), CreatedAt = Timestamps.Now(west) };
        westWritten.Store.Create(other);

        var cleanedWest = await westWritten.Removal.CleanAsync(TimeSpan.FromHours(1), dryRun: false, CancellationToken.None);
        var cleanedEast = await Service(dir.Path, eastLater).Removal.CleanAsync(TimeSpan.FromHours(1), dryRun: false, CancellationToken.None);

        Assert.Empty(cleanedWest.Sessions);
        Assert.Empty(cleanedEast.Sessions);
        Assert.True(writer.Store.Exists(fresh.Id));
        Assert.True(writer.Store.Exists(other.Id));

        var muchLater = new FakeTimeProvider(instant + TimeSpan.FromHours(3));
        var cleaned = await Service(dir.Path, muchLater).Removal.CleanAsync(TimeSpan.FromHours(1), dryRun: false, CancellationToken.None);
        Assert.Equal(2, cleaned.Sessions.Count);
    }

    private static SessionService Service(string root, TimeProvider time) => new(new ZwarmContext
    {
        StateDirectory = Path.Combine(root, ".zwarm"),
        WorkingDirectory = root,
        Environment = new Dictionary<string, string?>(),
        Time = time,
    });
}
