// Enumerates a sequence on a background thread, a bounded number of batches ahead of the consumer, so that reading
// and parsing a big turn file overlaps with writing its JSON (on two cores `traj --json` takes the longer of the
// two instead of their sum). Memory stays bounded: at most maxBatches * batchSize items are in flight. An exception
// thrown by the source is rethrown to the consumer, after the items produced before it.
using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Zwarm.Cli.Rendering;

internal static class ReadAhead
{
    public static IEnumerable<T> Enumerate<T>(IEnumerable<T> source, int batchSize = 256, int maxBatches = 8)
    {
        using var batches = new BlockingCollection<List<T>>(maxBatches);
        using var stop = new CancellationTokenSource();
        ExceptionDispatchInfo? failure = null;
        var producer = new Thread(() =>
        {
            try
            {
                var batch = new List<T>(batchSize);
                foreach (var item in source)
                {
                    stop.Token.ThrowIfCancellationRequested();
                    batch.Add(item);
                    if (batch.Count == batchSize)
                    {
                        batches.Add(batch, stop.Token);
                        batch = new List<T>(batchSize);
                    }
                }
                if (batch.Count > 0)
                {
                    batches.Add(batch, stop.Token);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The consumer stopped early.
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
            finally
            {
                batches.CompleteAdding();
            }
        }) { IsBackground = true, Name = "read-ahead" };
        producer.Start();
        try
        {
            foreach (var batch in batches.GetConsumingEnumerable())
            {
                foreach (var item in batch)
                {
                    yield return item;
                }
            }
        }
        finally
        {
            stop.Cancel();
            producer.Join();
        }
        failure?.Throw();
    }
}
