using Orleans;

namespace Zwarm.Cluster.Grains;

/// <summary>A member's view of the cluster: every member it knows of, with the status it holds for each.</summary>
public interface IMembershipViewGrain : IGrainWithIntegerKey
{
    Task<MemberView[]> GetMembersAsync();
}
