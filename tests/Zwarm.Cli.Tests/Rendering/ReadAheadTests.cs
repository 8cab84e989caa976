using Zwarm.Cli.Rendering;

namespace Zwarm.Cli.Tests.Rendering;

public sealed class ReadAheadTests
{
    [Fact]
    public void Enumerate_YieldsEveryItemInOrder()
    {
        var items = ReadAhead.Enumerate(Enumerable.Range(0, 10_000), batchSize: 7, maxBatches: 2).ToList();

        Assert.Equal(Enumerable.Range(0, 10_000), items);
    }

    [Fact]
    public void Enumerate_SourceThrows_ItemsBeforeThenTheException()
    {
        static IEnumerable<int> Failing()
        {
            yield return 1;
            yield return 2;
            throw new InvalidOperationException("broken line");
        }
        var seen = new List<int>();

        var error = Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (var i in ReadAhead.Enumerate(Failing(), batchSize: 1))
            {
                seen.Add(i);
            }
        });

        Assert.Equal("broken line", error.Message);
        Assert.Equal([1, 2], seen);
    }

    [Fact(Timeout = 10_000)]
    public async Task Enumerate_ConsumerStopsEarly_TheProducerStops()
    {
        var produced = 0;
        IEnumerable<int> Endless()
        {
            while (true)
            {
                yield return Interlocked.Increment(ref produced);
            }
        }

        var first = await Task.Run(() => ReadAhead.Enumerate(Endless(), batchSize: 4, maxBatches: 2).Take(3).ToList());

        Assert.Equal([1, 2, 3], first);
        var after = Volatile.Read(ref produced);
        await Task.Delay(50);
        Assert.Equal(after, Volatile.Read(ref produced));
    }
}
