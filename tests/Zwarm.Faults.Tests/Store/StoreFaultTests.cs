// What the store does with states zwarm itself can leave behind and with files it did not write: every leftover is
// removable, a FIFO or a link in the store is never opened or followed, a foreign-owned `.zwarm` is refused, and
// `rm A B` with B running removes nothing.
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Zwarm.Core.Sessions;
using Zwarm.Faults.Tests.Support;
using Zwarm.Core;

namespace Zwarm.Faults.Tests.Store;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class StoreFaultTests : IDisposable
{
    private readonly FaultWorld _world = new();

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task RmOfTwo_WithTheSecondRunning_RemovesNothing_AndExits5()
    {
        var a = await _world.SpawnAndWaitAsync("done");
        var b = await _world.NewService().StartAsync(new StartRequest("@sleep=30", "codex"), CancellationToken.None);

        var result = await _world.RunAsync("rm", a.Id[..8], b.Id[..8]);

        Assert.Equal(5, result.ExitCode);
        Assert.Contains(b.Id[..8], result.Err);
        Assert.True(_world.NewService().Store.Exists(a.Id));
        Assert.True(_world.NewService().Store.Exists(b.Id));
    }

    [Fact]
    public async Task EveryLeftover_IsRemovable_ByRmForce_Clean_AndDoctorFix()
    {
        var store = _world.NewService().Store;
        var corrupt = await _world.SpawnAndWaitAsync("done");
        File.WriteAllText(store.MetaPath(corrupt.Id), "{ not json");
        var halfMade = new[] { SessionId.New(), SessionId.New(), SessionId.New() };
        foreach (var id in halfMade)
        {
            Directory.CreateDirectory(store.TurnsDirectory(id));
        }
        var halfDeleted = Path.Combine(store.SessionsDirectory, $".deleting-{SessionId.New()}-0123");
        Directory.CreateDirectory(Path.Combine(halfDeleted, "turns"));

        var ls = await _world.RunAsync("ls");
        Assert.Equal(0, ls.ExitCode);
        Assert.Contains("rm --force", ls.Err);

        var plainRm = await _world.RunAsync("rm", corrupt.Id[..8]);
        Assert.Equal(9, plainRm.ExitCode);
        Assert.Contains("--force", plainRm.Err);

        Assert.Equal(0, (await _world.RunAsync("rm", "--force", corrupt.Id[..8], halfMade[0][..8])).ExitCode);
        Assert.False(Directory.Exists(store.SessionDirectory(corrupt.Id)));
        Assert.False(Directory.Exists(store.SessionDirectory(halfMade[0])));

        // A leftover younger than a minute may be a spawn in progress: clean leaves it.
        var young = await _world.RunAsync("clean", "--older-than", "0s");
        Assert.Equal(0, young.ExitCode);
        Assert.True(Directory.Exists(store.SessionDirectory(halfMade[1])));

        var later = new FakeTimeProvider(DateTimeOffset.UtcNow + TimeSpan.FromMinutes(5));
        var clean = await _world.RunAsync(later, "clean", "--older-than", "7d");
        Assert.Equal(0, clean.ExitCode);
        Assert.Contains("leftover", clean.Err + clean.Out);
        Assert.False(Directory.Exists(halfDeleted));
        Assert.False(Directory.Exists(store.SessionDirectory(halfMade[1])));

        Directory.CreateDirectory(store.TurnsDirectory(halfMade[2]));
        var doctor = await _world.RunAsync(later, "doctor", "--fix", "--json");
        Assert.False(Directory.Exists(store.SessionDirectory(halfMade[2])), doctor.Err);
        Assert.Empty(Directory.EnumerateDirectories(store.SessionsDirectory));
    }

    [Fact]
    public async Task AFifoInPlaceOfMetaJson_NeverHangsAReadVerb()
    {
        var done = await _world.SpawnAndWaitAsync("done");
        var meta = _world.NewService().Store.MetaPath(done.Id);
        File.Delete(meta);
        using (var mkfifo = Process.Start("mkfifo", meta))
        {
            await mkfifo.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }

        var ls = await _world.RunAsync("ls").WaitAsync(TimeSpan.FromSeconds(20));
        var show = await _world.RunAsync("show", done.Id[..8]).WaitAsync(TimeSpan.FromSeconds(20));
        var peek = await _world.RunAsync("peek", done.Id[..8]).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(0, ls.ExitCode);
        Assert.Equal(9, show.ExitCode);
        Assert.Contains("not a regular file", show.Err);
        Assert.NotEqual(0, peek.ExitCode);
    }

    [Fact]
    public async Task ADanglingLockSymlink_NeverCreatesAFileOutsideTheStore()
    {
        var done = await _world.SpawnAndWaitAsync("done");
        var store = _world.NewService().Store;
        var outside = Path.Combine(_world.Root, "planted-target");
        File.Delete(store.LockPath(done.Id));
        File.CreateSymbolicLink(store.LockPath(done.Id), outside);

        var rm = await _world.RunAsync("rm", done.Id[..8]);
        var cont = await _world.RunAsync("continue", done.Id[..8], "more");

        Assert.Equal(9, rm.ExitCode);
        Assert.Contains("symbolic link", rm.Err);
        Assert.Equal(9, cont.ExitCode);
        Assert.False(File.Exists(outside));
        Assert.True(store.Exists(done.Id));
    }

    [Fact]
    public async Task ARemovedSession_CannotBeContinued()
    {
        var done = await _world.SpawnAndWaitAsync("done");
        Assert.Equal(0, (await _world.RunAsync("rm", done.Id)).ExitCode);

        var cont = await _world.RunAsync("continue", done.Id, "more");

        Assert.Equal(3, cont.ExitCode);
        Assert.False(Directory.Exists(_world.NewService().Store.SessionDirectory(done.Id)));
    }

    [Fact]
    public async Task TheStore_IsPrivate_AfterASpawn()
    {
        var done = await _world.SpawnAndWaitAsync("done");
        var store = _world.NewService().Store;
        const UnixFileMode dir = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

        Assert.Equal(dir, File.GetUnixFileMode(store.SessionsDirectory));
        Assert.Equal(dir, File.GetUnixFileMode(store.SessionDirectory(done.Id)));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(store.MetaPath(done.Id)));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(store.LockPath(done.Id)));
    }

    [Fact]
    public async Task ATimeZoneChange_NeverMakesAFreshSessionOld()
    {
        var spawn = await _world.RunProcessAsync(new Dictionary<string, string> { ["TZ"] = "Pacific/Honolulu" }, "spawn", "done", "--json");
        Assert.Equal(0, spawn.ExitCode);
        var id = JsonDocument.Parse(spawn.Out).RootElement.GetProperty("id").GetString()!;
        await _world.NewService().WaitAsync([id], WaitMode.All, TimeSpan.FromSeconds(60), CancellationToken.None);

        // Written at UTC-10, read at UTC+14: read naively, the session would look a day old.
        var clean = await _world.RunProcessAsync(new Dictionary<string, string> { ["TZ"] = "Pacific/Kiritimati" }, "clean", "--older-than", "1h");

        Assert.Equal(0, clean.ExitCode);
        Assert.True(_world.NewService().Store.Exists(id), clean.Out + clean.Err);
    }

    [RootFact("to give the parent .zwarm to another user")]
    public async Task AForeignOwnedParentZwarm_IsRefused_WithTheOverrideNamed()
    {
        var parent = Path.Combine(_world.Root, "shared");
        var planted = Path.Combine(parent, ".zwarm");
        Directory.CreateDirectory(planted);
        File.WriteAllText(Path.Combine(planted, "config.toml"), "[adapters.codex]\nexecutable = \"/bin/false\"\n");
        Assert.Equal(0, Chown(planted, 65534));
        var project = Path.Combine(parent, "project");
        Directory.CreateDirectory(project);
        _world.Environment.Remove("ZWARM_STATE_DIR");

        var result = await RunInAsync(project, "ls");

        Assert.Equal(9, result.ExitCode);
        Assert.Contains("ZWARM_SAFE_DIRECTORIES", result.Err);
        Assert.Single(result.Err.Trim().Split('\n'));
        _world.Environment["ZWARM_SAFE_DIRECTORIES"] = planted;
        Assert.Equal(0, (await RunInAsync(project, "ls")).ExitCode);
    }

    private async Task<CliResult> RunInAsync(string directory, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await Zwarm.Cli.ZwarmCli.RunAsync(args, new Zwarm.Cli.Infrastructure.Terminal(output, error, colors: false, null),
            new Zwarm.Cli.Infrastructure.ContextFactory(_world.Environment, directory));
        return new CliResult(code, output.ToString(), error.ToString());
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "chown")]
    private static extern int Chown(string path, int owner, int group);

    private static int Chown(string path, int uid) => Chown(path, uid, uid);
}
