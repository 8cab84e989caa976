using Zwarm.Core.Suggestions;

namespace Zwarm.Core.Tests.Suggestions;

public sealed class DidYouMeanTests
{
    [Theory]
    [InlineData("lss", "ls")]
    [InlineData("spwan", "spawn")]     // a swap of neighbours is one edit
    [InlineData("SHOW", "show")]
    [InlineData("contnue", "continue")]
    [InlineData("frobnicate", null)]
    [InlineData("x", null)]             // too short to guess
    public void Closest_OnlyWhenCloseEnough(string word, string? expected) =>
        Assert.Equal(expected, DidYouMean.Closest(word, ["ls", "spawn", "show", "continue", "kill"]));

    [Fact]
    public void Hint_IsEmptyWithoutACandidate()
    {
        Assert.Equal(" (did you mean 'ls'?)", DidYouMean.Hint("lss", ["ls"]));
        Assert.Equal("", DidYouMean.Hint("zzz", ["ls"]));
    }
}
