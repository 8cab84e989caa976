// A store on a read-only file system: before, every verb waited 30 s for the lock and then blamed "another zwarm
// process". Reads must work at once (status derived, not persisted), writes must fail at once naming EROFS.
// A chmod does not stop root, so the store lives on a tmpfs remounted read-only (root only).
using System.Diagnostics;
using System.Text.Json;
using Zwarm.Core.Sessions;
using Zwarm.Faults.Tests.Support;

namespace Zwarm.Faults.Tests.Store;

public sealed class ReadOnlyStoreTests
{
    private static readonly TimeSpan AtOnce = TimeSpan.FromSeconds(10);

    [RootFact("to mount a tmpfs and remount it read-only")]
    public async Task AReadOnlyStore_ReadsAtOnce_AndWritesFailAtOnceWithTheRealReason()
    {
        var mount = Path.Combine(Path.GetTempPath(), "zwarm-ro-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(mount);
        await RunAsync("mount", "-t", "tmpfs", "-o", "size=32m", "none", mount);
        try
        {
            using var world = new FaultWorld(Path.Combine(mount, "w"));
            var done = await world.SpawnAndWaitAsync("done");
            var store = world.NewService().Store;
            // A status not derived yet: meta.json still says running, the exit record says the turn ended.
            var stale = store.Load(done.Id)!;
            store.Write(SessionService.WithCurrentTurn(stale, t => t with { Status = SessionStatus.Running }) with { Status = SessionStatus.Running });
            await RunAsync("mount", "-o", "remount,ro", mount);

            var clock = Stopwatch.StartNew();
            var ls = await world.RunAsync("ls", "--json");
            var show = await world.RunAsync("show", done.Id[..8]);
            Assert.True(clock.Elapsed < AtOnce, $"reads took {clock.Elapsed}");
            Assert.Equal(0, ls.ExitCode);
            Assert.Equal("completed", JsonDocument.Parse(ls.Out).RootElement[0].GetProperty("status").GetString());
            Assert.Equal(0, show.ExitCode);

            clock.Restart();
            var spawn = await world.RunAsync("spawn", "more work");
            var rm = await world.RunAsync("rm", done.Id[..8]);
            var cont = await world.RunAsync("continue", done.Id[..8], "more");
            Assert.True(clock.Elapsed < AtOnce, $"writes took {clock.Elapsed} to fail");
            foreach (var write in new[] { spawn, rm, cont })
            {
                Assert.Equal(9, write.ExitCode);
                Assert.Contains("EROFS", write.Err);
                Assert.DoesNotContain("another zwarm process", write.Err);
            }
            Assert.True(store.Exists(done.Id));
        }
        finally
        {
            await RunAsync("umount", "-l", mount);
            Directory.Delete(mount, recursive: true);
        }
    }

    private static async Task RunAsync(string program, params string[] args)
    {
        var psi = new ProcessStartInfo(program) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        using var process = Process.Start(psi)!;
        var err = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', args)}: {await err}");
    }
}
