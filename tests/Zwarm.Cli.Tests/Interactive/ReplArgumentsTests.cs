using Zwarm.Cli.Interactive;
using Zwarm.Core;

namespace Zwarm.Cli.Tests.Interactive;

public sealed class ReplArgumentsTests
{
    private static readonly ReplCommand Spawn = new("spawn", "spawn \"task\" [--model M] [--wait]", "start",
        (_, _) => Task.FromResult(0))
    {
        Options =
        [
            new ReplOption("--model", "-m", "M", "model"),
            new ReplOption("--wait", "-w", null, "wait"),
        ],
    };

    [Fact]
    public void Parse_TakesLongShortAndEqualsForms_LaterWins()
    {
        var args = ReplArguments.Parse(Spawn, ["fix", "--model", "a", "-m", "b", "bug", "--model=c", "-w"]);

        Assert.Equal("c", args.Value("--model"));
        Assert.True(args.Has("--wait"));
        Assert.Equal("fix bug", args.Text(0, "the task"));
    }

    [Fact]
    public void Parse_DoubleDashEndsOptions_AndNegativeNumbersArePositional()
    {
        var args = ReplArguments.Parse(Spawn, ["-5", "--", "--model", "-w"]);

        Assert.Equal(["-5", "--model", "-w"], args.Positionals);
        Assert.False(args.Has("--model"));
    }

    [Theory]
    [InlineData(new[] { "x", "--modle", "y" }, "unknown option --modle")]
    [InlineData(new[] { "x", "--model" }, "--model needs a value (M)")]
    [InlineData(new[] { "x", "--wait=yes" }, "--wait takes no value")]
    public void Parse_BadOptions_AreUsageErrorsWithTheSyntax(string[] words, string message)
    {
        var error = Assert.Throws<ZwarmException>(() => ReplArguments.Parse(Spawn, words));

        Assert.Equal(ErrorKind.Usage, error.Kind);
        Assert.Contains(message, error.Message);
        Assert.Contains("usage: spawn \"task\"", error.Message);
    }

    [Fact]
    public void RequiredAndAtMost_NameWhatIsWrong()
    {
        var none = ReplArguments.Parse(Spawn, []);
        var two = ReplArguments.Parse(Spawn, ["a", "b"]);

        Assert.Contains("missing the task", Assert.Throws<ZwarmException>(() => none.Text(0, "the task")).Message);
        Assert.Contains("unexpected argument 'b'", Assert.Throws<ZwarmException>(() => two.AtMost(1)).Message);
    }
}
