// `wait` used one inotify instance per session and failed past ~128 (the per-user limit). One descriptor now
// watches every session's turns/ folder.
using Zwarm.Core.Sessions;
using Zwarm.Faults.Tests.Support;

namespace Zwarm.Faults.Tests.Races;

public sealed class WaitManyTests : IDisposable
{
    private const int Sessions = 200;
    private const int Live = 10;
    private readonly FaultWorld _world = new();

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task Wait_OnTwoHundredSessions_ReturnsWhenTheLastStops()
    {
        var service = _world.NewService();
        var gate = Path.Combine(_world.Root, "gate");
        var ids = new List<string>();
        for (var i = 0; i < Live; i++)
        {
            ids.Add((await service.StartAsync(new StartRequest($"@wait-file={gate}", "codex"), CancellationToken.None)).Id);
        }
        var finished = await _world.SpawnAndWaitAsync("done");
        ids.Add(finished.Id);
        while (ids.Count < Sessions)
        {
            var copy = finished with { Id = SessionId.New() };
            service.Store.Create(copy);
            ids.Add(copy.Id);
        }

        var wait = service.WaitAsync(ids, WaitMode.All, TimeSpan.FromSeconds(120), CancellationToken.None);
        await Task.Delay(300);
        Assert.False(wait.IsCompleted, "the wait returned while sessions were still running");
        File.WriteAllText(gate, "");
        var result = await wait.WaitAsync(TimeSpan.FromSeconds(150));

        Assert.False(result.TimedOut);
        Assert.Equal(Sessions, result.Sessions.Count);
        Assert.All(result.Sessions, s => Assert.True(s.Status.IsStopped()));
    }

    [Fact]
    public void OneWatcher_WatchesTwoHundredFolders()
    {
        var store = _world.NewService().Store;
        var dirs = Enumerable.Range(0, Sessions).Select(_ => store.TurnsDirectory(SessionId.New())).ToList();
        foreach (var dir in dirs)
        {
            Directory.CreateDirectory(dir);
        }
        using var signal = new SemaphoreSlim(0);

        using var watcher = ExitRecordWatcher.TryStart(dirs, signal);

        Assert.NotNull(watcher);
        Assert.Equal(Sessions, watcher.Watches);
    }
}
