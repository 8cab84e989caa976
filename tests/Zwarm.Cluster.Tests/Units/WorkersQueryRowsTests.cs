using Orleans.Runtime;
using Zwarm.Cluster.Workers;

namespace Zwarm.Cluster.Tests.Units;

public sealed class WorkersQueryRowsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_restarted_worker_is_listed_once_as_its_newest_incarnation_with_that_incarnations_facts()
    {
        var old = new SiloKey("10.0.0.2", 11111, 100);
        var current = old with { Generation = 200 };
        var members = new[]
        {
            new MembershipRecord(old, "b", SiloStatus.Dead, Now.AddHours(-2).UtcDateTime, Now.AddHours(-1).UtcDateTime),
            new MembershipRecord(current, "b", SiloStatus.Active, Now.AddMinutes(-5).UtcDateTime, Now.AddSeconds(-3).UtcDateTime),
            new MembershipRecord(new SiloKey("10.0.0.1", 11111, 150), "a", SiloStatus.Joining, default, default),
        };
        var facts = new Dictionary<SiloKey, WorkerFacts>
        {
            [old] = new("b", 1, ["stale"], [], 0),
            [current] = new("b", 4, ["gpu"], ["codex"], 2),
        };

        var rows = WorkersQuery.Rows(members, facts, Now);

        Assert.Equal(["a", "b"], rows.Select(r => r.Name));
        var b = rows[1];
        Assert.Equal(("active", 200, 2, 4, "10.0.0.2:11111"), (b.Status, b.Generation, b.Running, b.MaxSessions, b.Address));
        Assert.Equal(["gpu"], b.Labels);
        Assert.Equal(3, b.HeartbeatAgeSeconds!.Value, precision: 3);
        // Joined the membership but published nothing yet (and no heartbeat): unknowns, not zeros.
        var a = rows[0];
        Assert.Equal(("joining", null, null, null, null), (a.Status, a.Running, a.MaxSessions, a.HeartbeatAgeSeconds, a.StartedAt));
    }
}
