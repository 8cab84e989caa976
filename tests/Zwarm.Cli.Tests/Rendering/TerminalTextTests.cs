using Zwarm.Cli.Rendering;

namespace Zwarm.Cli.Tests.Rendering;

public sealed class TerminalTextTests
{
    [Fact]
    public void Safe_ReplacesEscapeC0DelAndC1_KeepsNewlinesTabsAndText()
    {
        var text = "a\u001b[2Jb\u001b]0;pwned\u0007c\r\nd\te\u007f\u009bé✓";
        var safe = TerminalText.Safe(text);
        Assert.Equal("a\u241B[2Jb\u241B]0;pwned\uFFFDc\nd\te\uFFFD\uFFFDé✓", safe);
    }

    [Fact]
    public void Safe_ReturnsCleanTextAsIs()
    {
        const string text = "plain text\nwith lines\tand tabs";
        Assert.Same(text, TerminalText.Safe(text));
        Assert.Equal("", TerminalText.Safe(null));
    }

    [Fact]
    public void Escape_IsSafeAndMarkupEscaped() =>
        Assert.Equal("[[x]] \u241B[[1m", TerminalText.Escape("[x] \u001b[1m"));
}
