using Zwarm.Core.Processes;

namespace Zwarm.Core.Tests.Processes;

public sealed class ProcessInfoTests
{
    [Fact]
    public void ParseStat_HandlesCommandNamesWithSpacesAndParentheses()
    {
        var stat = ProcessInfo.ParseStat("1234 (my (weird) cmd) S 1 1234 1234 0 -1 4194560 0 0 0 0 0 0 0 0 20 0 1 0 98765 0 0");
        Assert.NotNull(stat);
        Assert.Equal(1234, stat.Pid);
        Assert.Equal('S', stat.State);
        Assert.Equal(1, stat.ParentPid);
        Assert.Equal(1234, stat.ProcessGroup);
        Assert.Equal(98765, stat.StartTime);
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("12 (x) S 1")]
    public void ParseStat_Garbage_IsNull(string text)
    {
        Assert.Null(ProcessInfo.ParseStat(text));
    }

    [Fact]
    public void IsAlive_OwnProcess_WithItsStartTime()
    {
        var me = ProcessInfo.TryGetStat(Environment.ProcessId)!;
        Assert.True(ProcessInfo.IsAlive(Environment.ProcessId, me.StartTime, ProcessInfo.BootId));
    }

    [Fact]
    public void IsAlive_RecycledPid_IsNotAlive()
    {
        // Our pid, but with a different start time: exactly what a recycled pid looks like.
        var me = ProcessInfo.TryGetStat(Environment.ProcessId)!;
        Assert.False(ProcessInfo.IsAlive(Environment.ProcessId, me.StartTime + 1, null));
        Assert.False(ProcessInfo.IsAlive(Environment.ProcessId, me.StartTime, "another-boot"));
    }

    [Fact]
    public void IsAlive_NonexistentPid_IsNotAlive()
    {
        Assert.False(ProcessInfo.IsAlive(int.MaxValue - 7, null, null));
    }
}
