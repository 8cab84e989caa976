// Turns file-system notifications into dashboard events, without ever re-reading the whole store on a timer:
// one watcher over sessions/ (a meta.json written - atomically, by rename - or a turn's exit record appearing, or a
// session folder deleted) and one over instances/ (a run's state.json). Notifications are coalesced: the ids that
// changed within a short window are read once each, and a row is sent only when what the board shows changed.
// When the kernel's queue overflows, the session index is read again to find what changed meanwhile.
using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Zwarm.Core;
using Zwarm.Core.Sessions;
using Zwarm.Dashboard.Api;
using Zwarm.Orchestration.Instances;

namespace Zwarm.Dashboard.Live;

internal sealed class StoreWatcher : IAsyncDisposable
{
    /// <summary>How long changes are gathered before they are read (a turn's end writes meta.json several times).</summary>
    public static readonly TimeSpan CoalesceWindow = TimeSpan.FromMilliseconds(30);

    private const string RescanAll = "*";
    private const string RunPrefix = "run:";

    private readonly DashboardContext _dashboard;
    private readonly Channel<string> _changed = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, string> _shown = new(StringComparer.Ordinal);
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;

    public StoreWatcher(DashboardContext dashboard)
    {
        _dashboard = dashboard;
    }

    public void Start()
    {
        var sessions = _dashboard.Sessions.Store.SessionsDirectory;
        var instances = _dashboard.Instances.InstancesDirectory;
        foreach (var directory in new[] { sessions, instances })
        {
            CreatePrivateDirectory(directory);
        }
        _watchers.Add(Watch(sessions, OnSessionPath));
        _watchers.Add(Watch(instances, OnInstancePath));
        _loop = Task.Run(() => RunAsync(_stop.Token));
    }

    private FileSystemWatcher Watch(string directory, Action<string> onPath)
    {
        var watcher = new FileSystemWatcher(directory)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite,
            InternalBufferSize = 64 * 1024,
        };
        watcher.Created += (_, e) => onPath(e.FullPath);
        watcher.Changed += (_, e) => onPath(e.FullPath);
        watcher.Deleted += (_, e) => onPath(e.FullPath);
        watcher.Renamed += (_, e) =>
        {
            // A session folder is removed by renaming it away first (.deleting-*): its old name is what went.
            onPath(e.OldFullPath);
            onPath(e.FullPath);
        };
        watcher.Error += (_, _) => _changed.Writer.TryWrite(RescanAll);
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    // sessions/<id>/meta.json, sessions/<id>/turns/turn_N.exit.json, sessions/<id> (created: its first meta.json
    // may come before the watcher has added the folder; or deleted / renamed away).
    private void OnSessionPath(string path)
    {
        var relative = Path.GetRelativePath(_dashboard.Sessions.Store.SessionsDirectory, path);
        var parts = relative.Split(Path.DirectorySeparatorChar);
        if (!SessionId.IsFull(parts[0]))
        {
            return;
        }
        if (parts.Length == 1 || (parts.Length == 2 && parts[1] == "meta.json")
            || (parts.Length == 3 && parts[1] == "turns" && parts[2].EndsWith(".exit.json", StringComparison.Ordinal)))
        {
            _changed.Writer.TryWrite(parts[0]);
        }
    }

    // instances/<id>/state.json, and instances/<id> itself (a new folder: its first state.json may be written before
    // the watcher has added the folder, so the folder's creation counts too; the read comes a window later).
    private void OnInstancePath(string path)
    {
        var relative = Path.GetRelativePath(_dashboard.Instances.InstancesDirectory, path);
        var parts = relative.Split(Path.DirectorySeparatorChar);
        if ((parts.Length == 1 || (parts.Length == 2 && parts[1] == "state.json")) && InstanceIds.Validate(parts[0]) is null)
        {
            _changed.Writer.TryWrite(RunPrefix + parts[0]);
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var pending = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            while (await _changed.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                await Task.Delay(CoalesceWindow, _dashboard.Time, cancellationToken).ConfigureAwait(false);
                while (_changed.Reader.TryRead(out var id))
                {
                    pending.Add(id);
                }
                if (pending.Contains(RescanAll))
                {
                    await RescanAsync(cancellationToken).ConfigureAwait(false);
                }
                foreach (var id in pending)
                {
                    if (id.StartsWith(RunPrefix, StringComparison.Ordinal))
                    {
                        PublishRun(id[RunPrefix.Length..]);
                    }
                    else if (id != RescanAll)
                    {
                        await PublishSessionAsync(id, cancellationToken).ConfigureAwait(false);
                    }
                }
                pending.Clear();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task PublishSessionAsync(string id, CancellationToken cancellationToken)
    {
        SessionSummary summary;
        try
        {
            if (!_dashboard.Sessions.Store.Exists(id))
            {
                _shown.TryRemove(id, out _);
                _dashboard.Hub.Publish(new ServerEvent("removed", $"{{\"id\":\"{id}\"}}"));
                return;
            }
            // Brought up to date the way `zwarm show` does it: a turn that ended is recorded as such.
            var meta = await _dashboard.Sessions.GetAsync(id, cancellationToken).ConfigureAwait(false);
            summary = SessionSummaries.From(meta, _dashboard.Sessions.Prices);
        }
        catch (Exception e) when (e is ZwarmException or CorruptSessionException or IOException or UnauthorizedAccessException)
        {
            // Half-written or half-removed: the next notification tells the rest.
            return;
        }
        Show(summary);
    }

    private void Show(SessionSummary summary)
    {
        var row = SessionRow.ToJson(summary);
        if (_shown.TryGetValue(summary.Id, out var before) && before == row)
        {
            return;
        }
        _shown[summary.Id] = row;
        _dashboard.Hub.Publish(new ServerEvent("session", row));
    }

    private async Task RescanAsync(CancellationToken cancellationToken)
    {
        var listing = await _dashboard.Sessions.ListAsync(cancellationToken).ConfigureAwait(false);
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var summary in listing.Sessions)
        {
            present.Add(summary.Id);
            Show(summary);
        }
        foreach (var gone in _shown.Keys.Where(id => !present.Contains(id)).ToList())
        {
            await PublishSessionAsync(gone, cancellationToken).ConfigureAwait(false);
        }
    }

    private void PublishRun(string id)
    {
        try
        {
            if (_dashboard.Instances.Load(id) is { } state)
            {
                _dashboard.Hub.Publish(new ServerEvent("run",
                    JsonSerializer.Serialize(InstanceView.From(state), DashboardJsonContext.Api.InstanceView)));
            }
        }
        catch (Exception e) when (e is ZwarmException or IOException or JsonException or UnauthorizedAccessException)
        {
        }
    }

    private static void CreatePrivateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }
        await _stop.CancelAsync().ConfigureAwait(false);
        _changed.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }
}
