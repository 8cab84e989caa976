using Zwarm.Cli.Interactive;

namespace Zwarm.Cli.Tests.Interactive;

public sealed class TabCompletionTests
{
    // Completes the last word of the line from a fixed list.
    private static TabCompletion Over(params string[] words) => new((line, cursor) =>
    {
        var start = line.LastIndexOf(' ', Math.Max(0, cursor - 1)) + 1;
        var typed = line[start..cursor];
        return new CompletionResult(start, cursor, typed, words.Where(w => w.StartsWith(typed, StringComparison.Ordinal)).ToList(), true);
    });

    [Fact]
    public void OneCandidate_IsInsertedWithASpace()
    {
        var tab = Over("spawn", "show");

        Assert.Equal(new TabOutcome("spawn ", 6), tab.Press("sp", 2));
    }

    [Fact]
    public void SeveralCandidates_ExtendToTheCommonPrefix_AndAreListed_ThenCycle_AndShiftTabGoesBack()
    {
        var tab = Over("3f2a9c1e", "3f2a77b0", "9999aaaa");

        var common = tab.Press("? 3", 3)!;
        Assert.Equal(("? 3f2a", 6), (common.Line, common.Cursor));
        Assert.Equal(["3f2a9c1e", "3f2a77b0"], common.Listing);
        var first = tab.Press(common.Line, common.Cursor)!;
        Assert.Equal(new TabOutcome("? 3f2a9c1e", 10), first);
        var second = tab.Press(first.Line, first.Cursor)!;
        Assert.Equal(new TabOutcome("? 3f2a77b0", 10), second);
        var wrapped = tab.Press(second.Line, second.Cursor)!;
        Assert.Equal(new TabOutcome("? 3f2a9c1e", 10), wrapped);
        var back = tab.Press(wrapped.Line, wrapped.Cursor, backwards: true);
        Assert.Equal(new TabOutcome("? 3f2a77b0", 10), back);
    }

    [Fact]
    public void SeveralCandidates_WithNothingInCommon_AreListed_AndTheLineIsKept()
    {
        var tab = Over("wait", "watch");

        var listed = tab.Press("wa", 2)!;
        Assert.Equal(("wa", 2), (listed.Line, listed.Cursor));
        Assert.Equal(["wait", "watch"], listed.Listing);
        Assert.Equal(new TabOutcome("wait", 4), tab.Press("wa", 2)); // Tab again: cycle
    }

    [Fact]
    public void Typing_BetweenTabs_StartsOver()
    {
        var tab = Over("wait", "watch");

        tab.Press("wa", 2);
        Assert.Equal(new TabOutcome("watch ", 6), tab.Press("watc", 4));
    }

    [Fact]
    public void NoCandidate_ChangesNothing()
    {
        Assert.Null(Over("ls").Press("zz", 2));
    }

    [Fact]
    public void TextAfterTheCursor_IsKept()
    {
        var tab = Over("spawn");

        Assert.Equal(new TabOutcome("spawn \"task\"", 5), tab.Press("sp \"task\"", 2));
    }
}
