// What delegate and converse must pass before work starts: the session is ours to change, the running-session cap
// (checked and the start done under a cross-process lock when several processes share the cap), the sandbox ceiling.
using Zwarm.Core.Agents;
using Zwarm.Core.Sessions;

namespace Zwarm.Orchestration.Tools;

public sealed partial class SessionTools
{
    private static readonly TimeSpan StartLockTimeout = TimeSpan.FromSeconds(30);

    internal void RequireOwn(SessionMeta meta)
    {
        if (Options.OwnSessionsOnly && !IsOwn(meta.Source))
        {
            throw new ToolArgumentException(
                $"session {ShortId(meta.Id)} was not started by you (source: {meta.Source}); you may read it but not change it");
        }
    }

    /// <summary>Running sessions that count against the cap.</summary>
    internal async Task<int> RunningCountedAsync(CancellationToken cancellationToken)
    {
        var listing = await _sessions.ListAsync(cancellationToken).ConfigureAwait(false);
        return listing.Sessions.Count(s => Options.Counts(s.Source) && !s.Status.IsStopped());
    }

    /// <summary>
    /// Runs <paramref name="start"/> if the cap allows one more running session (with <see cref="SessionToolOptions.StartLockPath"/>
    /// held), else returns the refusal. The count before the start is passed to <paramref name="start"/>.
    /// </summary>
    internal async Task<ToolOutcome> AdmitAsync(string hint, Func<int, Task<ToolOutcome>> start, CancellationToken cancellationToken)
    {
        using var gate = Options.StartLockPath is { } path
            ? await FileLock.AcquireAsync(path, StartLockTimeout, cancellationToken).ConfigureAwait(false)
            : null;
        var running = await RunningCountedAsync(cancellationToken).ConfigureAwait(false);
        if (running >= Options.MaxRunningSessions)
        {
            return Error($"{running} of your sessions are already running; the limit is {Options.MaxRunningSessions}", hint);
        }
        return await start(running).ConfigureAwait(false);
    }

    /// <summary>The sandbox to ask for: the requested one (refused above the ceiling) or, without one, the default lowered to it.</summary>
    internal string? SandboxWithinCeiling(string? requested)
    {
        if (requested is not null && !SandboxModes.TryParse(requested, out _))
        {
            throw new ToolArgumentException($"unknown sandbox '{requested}' (known: {string.Join(", ", SandboxModes.Names)})");
        }
        if (Options.MaxSandbox is not { } ceiling)
        {
            return requested;
        }
        if (requested is null)
        {
            var fallback = _sessions.Context.Config.Executor.Sandbox;
            return (fallback > ceiling ? ceiling : fallback).ToName();
        }
        SandboxModes.TryParse(requested, out var mode);
        return mode > ceiling
            ? throw new ToolArgumentException($"sandbox {requested} is above this server's ceiling ({ceiling.ToName()})")
            : mode.ToName();
    }
}
