using Zwarm.Cluster.Sessions;
using Zwarm.Core;

namespace Zwarm.Cluster.Tests.Units;

public sealed class PlacementTests
{
    [Fact]
    public void Placement_prefers_the_least_loaded_with_room_and_says_why_none_fits()
    {
        PlacementCandidate[] workers =
        [
            new("w1", 2, 2, ["l1", "common"], ["codex"]),
            new("w2", 1, 3, ["l2", "common"], ["codex"]),
            new("w3", 1, 4, ["l3", "common"], ["codex", "claude_code"]),
        ];
        Assert.Equal(["w3", "w2"], Placement.Order(workers, null, null, "codex").Select(w => w.Name));
        Assert.Equal(["w3"], Placement.Order(workers, null, null, "claude_code").Select(w => w.Name));
        Assert.Equal("every fitting worker is full (w1 2/2)",
            Assert.Throws<ZwarmException>(() => Placement.Order(workers, "w1", null, null)).Message);
        Assert.Equal(ErrorKind.AgentMissing,
            Assert.Throws<ZwarmException>(() => Placement.Order(workers, null, "l2", "claude_code")).Kind);
        Assert.Equal(ErrorKind.NotFound, Assert.Throws<ZwarmException>(() => Placement.Order(workers, "w9", null, null)).Kind);
    }

    [Fact]
    public void An_unknown_label_and_a_label_the_named_worker_lacks_are_named()
    {
        PlacementCandidate[] workers = [new("w1", 0, 2, ["gpu"], ["codex"])];
        Assert.Equal("no active worker has the label big",
            Assert.Throws<ZwarmException>(() => Placement.Order(workers, null, "big", null)).Message);
        Assert.Equal("worker w1 does not have the label big",
            Assert.Throws<ZwarmException>(() => Placement.Order(workers, "w1", "big", null)).Message);
        Assert.Equal("no worker of the cluster is active", Assert.Throws<ZwarmException>(() => Placement.Order([], null, null, null)).Message);
    }
}
