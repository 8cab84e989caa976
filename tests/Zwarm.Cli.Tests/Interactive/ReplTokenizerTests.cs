using Zwarm.Cli.Interactive;
using Zwarm.Core;

namespace Zwarm.Cli.Tests.Interactive;

public sealed class ReplTokenizerTests
{
    [Theory]
    [InlineData("ls", new[] { "ls" })]
    [InlineData("  spawn   fix   it  ", new[] { "spawn", "fix", "it" })]
    [InlineData("spawn \"fix the  bug\" --model gpt-5", new[] { "spawn", "fix the  bug", "--model", "gpt-5" })]
    [InlineData("c abc 'it''s here'", new[] { "c", "abc", "its here" })]
    [InlineData("c abc 'say \"hi\"'", new[] { "c", "abc", "say \"hi\"" })]
    [InlineData("c abc \"say \\\"hi\\\" \\\\ ok\"", new[] { "c", "abc", "say \"hi\" \\ ok" })]
    [InlineData("spawn \"keep \\n as is\"", new[] { "spawn", "keep \\n as is" })]
    [InlineData("spawn a\\ b", new[] { "spawn", "a b" })]
    [InlineData("--model=\"gpt 5\"x", new[] { "--model=gpt 5x" })]
    [InlineData("spawn \"\"", new[] { "spawn", "" })]
    [InlineData("tab\tseparated", new[] { "tab", "separated" })]
    public void Split_FollowsShellQuoting(string line, string[] expected)
    {
        Assert.Equal(expected, ReplTokenizer.Split(line));
    }

    [Theory]
    [InlineData("spawn \"never closed", '"', 7)]
    [InlineData("c abc 'open", '\'', 7)]
    public void Split_UnterminatedQuote_IsAUsageErrorNamingTheColumn(string line, char quote, int column)
    {
        var error = Assert.Throws<ZwarmException>(() => ReplTokenizer.Split(line));
        Assert.Equal(ErrorKind.Usage, error.Kind);
        Assert.Contains($"unterminated {quote} quote", error.Message);
        Assert.Contains($"column {column}", error.Message);
    }

    [Fact]
    public void Scan_ReportsPositions_AndAnOpenQuoteAtTheEnd()
    {
        var tokens = ReplTokenizer.Scan("c  3f2a \"half a mess");

        Assert.Equal(3, tokens.Count);
        Assert.Equal((3, 7), (tokens[1].Start, tokens[1].End));
        Assert.Null(tokens[1].OpenQuote);
        Assert.Equal("half a mess", tokens[2].Value);
        Assert.Equal('"', tokens[2].OpenQuote);
        Assert.Equal(20, tokens[2].End);
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("two words")]
    [InlineData("a \"quoted\" word")]
    [InlineData("back\\slash")]
    [InlineData("it's")]
    [InlineData("")]
    [InlineData("tab\there")]
    public void Quote_RoundTripsThroughSplit(string word)
    {
        var quoted = ReplTokenizer.Quote(word);

        Assert.Equal([word], ReplTokenizer.Split(quoted));
    }
}
