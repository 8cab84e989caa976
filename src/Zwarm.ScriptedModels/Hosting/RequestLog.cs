// Thread-safe record of every request, with waiting, so tests can assert on what the clients really sent.
using Zwarm.ScriptedModels.Requests;

namespace Zwarm.ScriptedModels.Hosting;

internal sealed class RequestLog
{
    private readonly List<ModelRequest> _requests = [];
    private readonly Lock _lock = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Add(ModelRequest request)
    {
        TaskCompletionSource changed;
        lock (_lock)
        {
            _requests.Add(request);
            changed = _changed;
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        changed.TrySetResult();
    }

    public IReadOnlyList<ModelRequest> Snapshot()
    {
        lock (_lock) return [.. _requests];
    }

    /// <summary>The first recorded request that satisfies <paramref name="predicate"/>, waiting for it if needed.</summary>
    public async Task<ModelRequest> WaitForAsync(Func<ModelRequest, bool> predicate, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                if (_requests.FirstOrDefault(predicate) is { } hit) return hit;
                changed = _changed.Task;
            }
            await changed.WaitAsync(cancellationToken);
        }
    }
}
