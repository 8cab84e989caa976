using Orleans.Runtime;

namespace Zwarm.Cluster.Workers;

/// <summary>Orleans' silo status as zwarm shows it (lower-case words; `--json` and the table use the same).</summary>
public static class MemberStatus
{
    public static string Name(SiloStatus status) => status switch
    {
        SiloStatus.Created => "created",
        SiloStatus.Joining => "joining",
        SiloStatus.Active => "active",
        SiloStatus.ShuttingDown => "shutting-down",
        SiloStatus.Stopping => "stopping",
        SiloStatus.Dead => "dead",
        _ => "unknown",
    };
}
