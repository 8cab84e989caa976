using System.Text;
using Zwarm.Core.Events;
using Zwarm.Core.Tests.Support;

namespace Zwarm.Core.Tests.Events;

public sealed class FileFollowerTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Follow_YieldsExistingThenAppendedLines_AndStopsWhenFinished()
    {
        var path = _dir.Combine("turn_1.jsonl");
        await File.WriteAllTextAsync(path, "first\n");
        var finished = false;
        var seen = new List<string>();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        var follow = Task.Run(async () =>
        {
            await foreach (var line in FileFollower.FollowLinesAsync(path, () => Volatile.Read(ref finished), cts.Token))
            {
                lock (seen)
                {
                    seen.Add(Encoding.UTF8.GetString(line));
                }
            }
        });

        await WaitUntilAsync(() => seen.Count == 1, cts.Token);
        await File.AppendAllTextAsync(path, "second\nthi", cts.Token);
        await WaitUntilAsync(() => seen.Count == 2, cts.Token);
        await File.AppendAllTextAsync(path, "rd\nunterminated", cts.Token);
        await WaitUntilAsync(() => seen.Count == 3, cts.Token);
        Volatile.Write(ref finished, true);
        await follow;

        Assert.Equal(["first", "second", "third", "unterminated"], seen);
    }

    [Fact]
    public async Task Follow_FileCreatedLater_IsPickedUp()
    {
        var path = _dir.Combine("late.jsonl");
        var finished = false;
        var seen = new List<string>();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var follow = Task.Run(async () =>
        {
            await foreach (var line in FileFollower.FollowLinesAsync(path, () => Volatile.Read(ref finished), cts.Token))
            {
                lock (seen)
                {
                    seen.Add(Encoding.UTF8.GetString(line));
                }
            }
        });
        await Task.Delay(100, cts.Token);
        await File.WriteAllTextAsync(path, "hello\n", cts.Token);
        await WaitUntilAsync(() => seen.Count == 1, cts.Token);
        Volatile.Write(ref finished, true);
        await follow;
        Assert.Equal(["hello"], seen);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, CancellationToken ct)
    {
        while (!condition())
        {
            await Task.Delay(10, ct);
        }
    }
}
