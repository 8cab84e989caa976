// The threads that decode chunks of a turn file ahead of the reader (ParallelTurnReader). Dedicated threads, not
// the thread pool: pool workers spin while they look for work, which costs a loaded 2-core machine more CPU than
// the decoding saves. They block on a monitor between chunks, and the reader decodes a chunk itself when no helper
// has started it, so a machine with no idle core does not wait for a helper that is not scheduled.
using Zwarm.Core.Agents;

namespace Zwarm.Core.Events;

internal sealed class DecodeHelpers : IDisposable
{
    private readonly object _gate = new();
    private readonly Queue<LineChunk> _pending = new();
    private readonly ISplitLineParser _parser;
    private readonly Thread[] _threads;
    private bool _stopped;

    public DecodeHelpers(ISplitLineParser parser, int count)
    {
        _parser = parser;
        _threads = new Thread[count];
        for (var i = 0; i < count; i++)
        {
            _threads[i] = new Thread(Run) { IsBackground = true, Name = "turn-decode" };
            _threads[i].Start();
        }
    }

    /// <summary>Offers a chunk to the helpers.</summary>
    public void Add(LineChunk chunk)
    {
        lock (_gate)
        {
            _pending.Enqueue(chunk);
            Monitor.Pulse(_gate);
        }
    }

    /// <summary>Returns once the chunk is decoded: by this thread if no helper has started it.</summary>
    public void Await(LineChunk chunk)
    {
        if (chunk.TryClaim())
        {
            chunk.Decode(_parser);
            return;
        }
        lock (_gate)
        {
            while (!chunk.Done)
            {
                Monitor.Wait(_gate);
            }
        }
        chunk.Failure?.Throw();
    }

    private void Run()
    {
        while (true)
        {
            LineChunk chunk;
            lock (_gate)
            {
                while (_pending.Count == 0 && !_stopped)
                {
                    Monitor.Wait(_gate);
                }
                if (_stopped)
                {
                    return;
                }
                chunk = _pending.Dequeue();
            }
            if (!chunk.TryClaim())
            {
                continue;
            }
            try
            {
                chunk.Decode(_parser);
            }
            catch (Exception e)
            {
                // Parsers do not throw on bad input; anything else goes to the reader, not to a dying thread.
                chunk.Failure = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e);
            }
            lock (_gate)
            {
                chunk.Done = true;
                Monitor.PulseAll(_gate);
            }
        }
    }

    /// <summary>Stops the helpers; returns once none is still decoding (their chunks' buffers can go back to the pool).</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _stopped = true;
            Monitor.PulseAll(_gate);
        }
        foreach (var thread in _threads)
        {
            thread.Join();
        }
    }
}
