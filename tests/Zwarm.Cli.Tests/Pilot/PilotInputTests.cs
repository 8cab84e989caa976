// Reading the pilot's input: single lines, and messages of several lines between """ fences (at a terminal or piped).
using Zwarm.Cli.Interactive;
using Zwarm.Cli.Pilot;
using Zwarm.Core;

namespace Zwarm.Cli.Tests.Pilot;

public sealed class PilotInputTests
{
    private static PilotInput Over(string text) => new(new PlainLineReader(new StringReader(text), null));

    [Fact]
    public async Task Lines_are_read_one_by_one_and_a_fenced_block_is_one_message()
    {
        var input = Over("hello\n\"\"\"\nfirst\n\n  indented\n\"\"\"\n:status\n");

        var one = await input.ReadAsync(CancellationToken.None);
        var block = await input.ReadAsync(CancellationToken.None);
        var command = await input.ReadAsync(CancellationToken.None);
        var end = await input.ReadAsync(CancellationToken.None);

        Assert.Equal(("hello", false), one);
        Assert.Equal(("first\n\n  indented", true), block);
        Assert.Equal((":status", false), command);
        Assert.Null(end);
    }

    [Fact]
    public async Task Text_may_follow_the_opening_fence_and_precede_the_closing_one()
    {
        var input = Over("\"\"\"start\nmiddle\nend\"\"\"\n\"\"\":one line\"\"\"\n");

        Assert.Equal(("start\nmiddle\nend", true), await input.ReadAsync(CancellationToken.None));
        Assert.Equal((":one line", true), await input.ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Input_that_ends_inside_a_block_is_a_usage_error_not_a_message()
    {
        var input = Over("\"\"\"\nnever closed\n");

        var e = await Assert.ThrowsAsync<ZwarmException>(() => input.ReadAsync(CancellationToken.None));

        Assert.Equal(ErrorKind.Usage, e.Kind);
        Assert.Null(await input.ReadAsync(CancellationToken.None));
    }
}
