using System.Text;
using Zwarm.Core.Events;

namespace Zwarm.Core.Tests.Events;

public sealed class JsonlLineReaderTests
{
    private static List<string> ReadAll(JsonlLineReader reader)
    {
        var lines = new List<string>();
        while (reader.TryReadLine(out var line))
        {
            lines.Add(Encoding.UTF8.GetString(line));
        }
        return lines;
    }

    [Fact]
    public void ReadsLines_WithCrLf_BlankLines_AndAFinalLineWithoutNewline()
    {
        using var reader = new JsonlLineReader(new MemoryStream("a\r\n\nb\nc"u8.ToArray()));
        Assert.Equal(["a", "", "b", "c"], ReadAll(reader));
    }

    [Fact]
    public void OversizedLines_AreSkippedAndCounted_WithoutLosingTheNextLine()
    {
        var huge = new string('x', 5000);
        var data = Encoding.UTF8.GetBytes($"first\n{huge}\nlast\n{huge}");
        using var reader = new JsonlLineReader(new MemoryStream(data), maxLineBytes: 1024);

        Assert.Equal(["first", "last"], ReadAll(reader));
        Assert.Equal(2, reader.OversizedLines);
    }

    [Fact]
    public void TheLimitIsExact_EvenWhenThePoolHandsOutABiggerBuffer()
    {
        var justOver = new string('x', 1500);
        var justUnder = new string('u', 1000);
        var data = Encoding.UTF8.GetBytes($"{justOver}\n{justUnder}\n{justOver}");
        using var reader = new JsonlLineReader(new MemoryStream(data), maxLineBytes: 1024);

        Assert.Equal([justUnder], ReadAll(reader));
        Assert.Equal(2, reader.OversizedLines);
    }

    [Fact]
    public void LinesLongerThanTheInitialBuffer_AreReadWhole()
    {
        var big = new string('y', 300_000);
        using var reader = new JsonlLineReader(new MemoryStream(Encoding.UTF8.GetBytes(big + "\nz\n")));
        var lines = ReadAll(reader);
        Assert.Equal(300_000, lines[0].Length);
        Assert.Equal("z", lines[1]);
    }

    [Fact]
    public void FollowingMode_HoldsBackAPartialLineUntilItsNewlineArrives()
    {
        var stream = new MemoryStream();
        stream.Write("one\ntw"u8);
        stream.Position = 0;
        using var reader = new JsonlLineReader(stream, finalPartialLineIsLine: false);
        Assert.Equal(["one"], ReadAll(reader));

        var position = stream.Position;
        stream.Seek(0, SeekOrigin.End);
        stream.Write("o\nthree\n"u8);
        stream.Position = position;
        reader.ResetEndOfStream();

        Assert.Equal(["two", "three"], ReadAll(reader));
        Assert.Equal(stream.Length, reader.ConsumedBytes);
    }

    [Fact]
    public void TryTakePartialLine_ReturnsTheUnterminatedTail()
    {
        using var reader = new JsonlLineReader(new MemoryStream("done\nhalf"u8.ToArray()), finalPartialLineIsLine: false);
        Assert.Equal(["done"], ReadAll(reader));
        Assert.True(reader.TryTakePartialLine(out var tail));
        Assert.Equal("half", Encoding.UTF8.GetString(tail));
        Assert.False(reader.TryTakePartialLine(out _));
    }
}
