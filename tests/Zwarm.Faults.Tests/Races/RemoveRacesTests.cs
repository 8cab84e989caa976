// Destructive verbs racing `continue`: before the fix 39 of 40 `rm` racing a `continue` deleted a running session
// (the status was checked before the lock). Each round starts both at once from separate services (as two zwarm
// processes would be); the invariant is checked every round: never a running session deleted, never an agent
// left running for a session that is gone.
using Zwarm.Core.Sessions;
using Zwarm.Faults.Tests.Support;
using Xunit.Abstractions;
using Zwarm.Core;

namespace Zwarm.Faults.Tests.Races;

public sealed class RemoveRacesTests(ITestOutputHelper output) : IDisposable
{
    private const int Rounds = 30;
    private readonly FaultWorld _world = new();

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task RmRacingContinue_NeverDeletesARunningSession_NorOrphansAnAgent()
    {
        var outcomes = new Dictionary<string, int>();
        for (var round = 0; round < Rounds; round++)
        {
            var done = await _world.SpawnAndWaitAsync("done");
            var outcome = await RaceAsync(done.Id,
                s => s.RemoveAsync(done.Id, force: false, CancellationToken.None));
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }
        // Either order may win a round; what matters is that no round broke the invariant (RaceAsync asserts).
        output.WriteLine(string.Join(", ", outcomes.Select(o => $"{o.Key}: {o.Value}")));
        Assert.Equal(Rounds, outcomes.Values.Sum());
    }

    [Fact]
    public async Task CleanRacingContinue_NeverDeletesARunningSession()
    {
        for (var round = 0; round < Rounds / 2; round++)
        {
            var done = await _world.SpawnAndWaitAsync("done");
            await RaceAsync(done.Id, s => s.CleanAsync(TimeSpan.Zero, dryRun: false, CancellationToken.None));
        }
    }

    // Starts `continue` and the removal together; returns which won. Asserts: the removal and the continue never
    // both took effect; a continued session exists (with its agent); a removed one has no agent running.
    private async Task<string> RaceAsync(string id, Func<SessionService, Task> remove)
    {
        var resumeId = _world.NewService().Store.Load(id)!.ResumeId!;
        var continuing = _world.NewService();
        var removing = _world.NewService();
        using var start = new ManualResetEventSlim();
        var continueTask = Task.Run(async () =>
        {
            start.Wait();
            return await continuing.ContinueAsync(id, "@sleep=30 keep going", CancellationToken.None);
        });
        var removeTask = Task.Run(async () =>
        {
            start.Wait();
            await remove(removing);
        });
        start.Set();
        var continued = await Settle(continueTask);
        var removedError = await Settle(removeTask);
        var exists = _world.NewService().Store.Exists(id);

        if (continued.Value is { } running)
        {
            Assert.True(exists, $"session {id} was continued (turn {running.Turn}) and deleted under it");
            var pid = running.CurrentTurn!.Pid!.Value;
            Assert.True(Zwarm.Core.Processes.ProcessInfo.IsAlive(pid, running.CurrentTurn.PidStart, running.CurrentTurn.BootId));
            if (removedError.Error is not null)
            {
                Assert.Equal(ErrorKind.Conflict, Assert.IsType<ZwarmException>(removedError.Error).Kind);
            }
            await _world.NewService().KillAsync(id, CancellationToken.None);
            return "continue won";
        }
        var error = Assert.IsType<ZwarmException>(continued.Error);
        Assert.Equal(ErrorKind.NotFound, error.Kind);
        Assert.Null(removedError.Error);
        Assert.False(exists);
        Assert.Empty(AgentsResuming(resumeId));
        return "remove won";
    }

    // Processes whose command line resumes this conversation: an agent started for a session that is gone.
    private static List<int> AgentsResuming(string resumeId)
    {
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }
            try
            {
                if (File.ReadAllText(Path.Combine(dir, "cmdline")).Contains(resumeId, StringComparison.Ordinal))
                {
                    found.Add(pid);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // the process ended meanwhile
            }
        }
        return found;
    }

    private static async Task<(T? Value, Exception? Error)> Settle<T>(Task<T> task)
    {
        try
        {
            return (await task.WaitAsync(TimeSpan.FromSeconds(60)), null);
        }
        catch (Exception e) when (e is not TimeoutException)
        {
            return (default, e);
        }
    }

    private static async Task<(bool Value, Exception? Error)> Settle(Task task)
    {
        try
        {
            await task.WaitAsync(TimeSpan.FromSeconds(60));
            return (true, null);
        }
        catch (Exception e) when (e is not TimeoutException)
        {
            return (false, e);
        }
    }
}
