// The parallel read of a turn file (chunks decoded on the thread pool, applied in order) must give exactly what the
// line-by-line read gives: the same events in the same order, the same counts, for every agent's captured output,
// with lines straddling every possible split point, blank, CRLF, noise, oversized and unterminated lines.
using System.Text;
using Zwarm.Core.Agents;
using Zwarm.Core.Agents.Claude;
using Zwarm.Core.Agents.Codex;
using Zwarm.Core.Agents.Gemini;
using Zwarm.Core.Agents.OpenCode;
using Zwarm.Core.Agents.Qwen;
using Zwarm.Core.Events;

namespace Zwarm.Core.Tests.Events;

public sealed class ParallelTurnReaderTests
{
    private static readonly int[] ChunkSizes = [16, 97, 1000, 64 * 1024];

    public static TheoryData<string> CapturedOutputs()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Samples"), "*.jsonl").Order())
        {
            data.Add(Path.GetFileName(path));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(CapturedOutputs))]
    public void CapturedOutput_RepeatedWithNoise_ParallelEqualsSequential(string sample)
    {
        // Three copies of the capture (tool calls open in one copy and closed in the next are fine: both reads see
        // the same order), with noise between them and an unterminated last line.
        var text = File.ReadAllText(Samples.PathOf(sample));
        var content = text + "\n\n   \r\nnot json at all\n" + text.Replace("\n", "\r\n") + "{\"type\":\n" + text + "{\"unterminated\":";

        foreach (var chunk in ChunkSizes)
        {
            AssertSame(Encoding.UTF8.GetBytes(content), () => ParserFor(sample), chunk);
        }
    }

    [Fact]
    public void OversizedLines_AreSkippedAndCountedAlike()
    {
        var big = new string('x', 3000);
        var content = "{\"type\":\"thread.started\",\"thread_id\":\"t\"}\n"
            + $"{{\"type\":\"item.completed\",\"item\":{{\"id\":\"a\",\"type\":\"agent_message\",\"text\":\"{big}\"}}}}\n"
            + "{\"type\":\"item.completed\",\"item\":{\"id\":\"b\",\"type\":\"agent_message\",\"text\":\"after\"}}\r\n"
            + big + "\n" + big;   // an oversized last line without '\n'

        foreach (var chunk in new[] { 16, 1000, 1100, 5000, 64 * 1024 })
        {
            var stats = AssertSame(Encoding.UTF8.GetBytes(content), () => new CodexStreamParser(), chunk, maxLineBytes: 1024);
            Assert.Equal(3, stats.OversizedLines);
        }
    }

    [Fact]
    public void BigCodexFile_TakesTheParallelPath_AndGivesTheSequentialEvents()
    {
        using var dir = new TempDirectory();
        var path = dir.File("turn_1.jsonl");
        var sample = File.ReadAllText(Samples.PathOf("codex_tool.jsonl"));
        var text = new StringBuilder();
        while (text.Length < 3 * 1024 * 1024)
        {
            text.Append(sample).Append("{\"type\":\"item.completed\",\"item\":{\"id\":\"m\",\"type\":\"agent_message\",\"text\":\"")
                .Append(text.Length).Append("\\n\\u00e9\"}}\n");
        }
        File.WriteAllText(path, text.ToString());
        Assert.True(new FileInfo(path).Length >= ParallelTurnReader.MinParallelBytes);

        var stats = new ParseStats();
        var viaReader = TurnFileReader.ReadEvents(path, new CodexStreamParser { BulkTextLimit = 0 }, stats).Select(Describe).ToList();
        using var stream = File.OpenRead(path);
        var sequentialStats = new ParseStats();
        var sequential = TurnFileReader.ReadSequentially(stream, new CodexStreamParser { BulkTextLimit = 0 }, sequentialStats)
            .Select(Describe).ToList();

        Assert.Equal(sequential, viaReader);
        Assert.Equal((sequentialStats.Lines, sequentialStats.Bytes, sequentialStats.MalformedLines),
            (stats.Lines, stats.Bytes, stats.MalformedLines));
        Assert.True(sequential.Count > 10_000);
    }

    [Fact]
    public void StoppingEarly_ReleasesEverything()
    {
        var content = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(File.ReadAllText(Samples.PathOf("codex_tool.jsonl")), 200)));
        using var stream = new MemoryStream(content);

        var first = ParallelTurnReader.ReadEvents(stream, new CodexStreamParser(), null, chunkBytes: 64).Take(5).ToList();

        Assert.Equal(5, first.Count);
    }

    private static ParseStats AssertSame(byte[] content, Func<ISplitLineParser> parser, int chunkBytes,
        int maxLineBytes = JsonlLineReader.DefaultMaxLineBytes)
    {
        var sequentialStats = new ParseStats();
        List<string> sequential;
        using (var stream = new MemoryStream(content))
        using (var reader = new JsonlLineReader(stream, maxLineBytes))
        {
            // The line-by-line read of TurnFileReader, with the same line limit.
            var p = parser();
            var events = new List<AgentEvent>();
            while (reader.TryReadLine(out var line))
            {
                sequentialStats.Lines++;
                sequentialStats.Bytes = reader.ConsumedBytes;
                if (!line.Trim((byte)' ').IsEmpty)
                {
                    p.ParseLine(line, events);
                }
            }
            sequentialStats.OversizedLines = reader.OversizedLines;
            sequentialStats.MalformedLines = p.MalformedLines;
            sequential = events.Select(Describe).ToList();
        }

        var stats = new ParseStats();
        using var parallelStream = new MemoryStream(content);
        var parallel = ParallelTurnReader.ReadEvents(parallelStream, parser(), stats, chunkBytes, maxLineBytes).Select(Describe).ToList();

        Assert.Equal(sequential, parallel);
        Assert.Equal(
            (sequentialStats.Lines, sequentialStats.Bytes, sequentialStats.MalformedLines, sequentialStats.OversizedLines),
            (stats.Lines, stats.Bytes, stats.MalformedLines, stats.OversizedLines));
        return stats;
    }

    private static ISplitLineParser ParserFor(string sample) => sample.Split('_')[0] switch
    {
        "claude" => new ClaudeStreamParser(),
        "codex" => new CodexStreamParser(),
        "gemini" => new GeminiStreamParser(),
        "opencode" => new OpenCodeStreamParser(),
        "qwen" => new QwenStreamParser(),
        var other => throw new InvalidOperationException($"no parser for {other}"),
    };

    // Records print their fields, but not the items of a list.
    private static string Describe(AgentEvent e) =>
        e is FileChanged f ? $"{f} [{string.Join(", ", f.Changes)}]" : e.ToString();
}
