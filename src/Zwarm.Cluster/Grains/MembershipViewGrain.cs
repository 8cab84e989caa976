// Answers `workers` from the gateway the client is connected to: a stateless worker is activated on the silo that
// receives the call, so the answer needs no grain directory and no other silo. Asking the management grain instead
// took up to its 10 s response timeout while a member was joining or had just died (its activation or directory
// partition can sit on the silo that is going away); the local snapshot is current within the gossip delay.
using Orleans;
using Orleans.Concurrency;
using Orleans.Runtime;

namespace Zwarm.Cluster.Grains;

[StatelessWorker]
internal sealed class MembershipViewGrain(IClusterMembershipService membership) : Grain, IMembershipViewGrain
{
    public Task<MemberView[]> GetMembersAsync() =>
        Task.FromResult(membership.CurrentSnapshot.Members.Values.Select(m => new MemberView(m.SiloAddress, m.Status, m.Name)).ToArray());
}
