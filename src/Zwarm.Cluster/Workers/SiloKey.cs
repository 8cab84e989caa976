namespace Zwarm.Cluster.Workers;

/// <summary>One silo incarnation, as Orleans' membership table keys it: address, port and generation.</summary>
public readonly record struct SiloKey(string Address, int Port, int Generation)
{
    public static SiloKey From(Orleans.Runtime.SiloAddress silo) =>
        new(silo.Endpoint.Address.ToString(), silo.Endpoint.Port, silo.Generation);
}
