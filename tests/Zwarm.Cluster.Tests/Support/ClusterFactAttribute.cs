namespace Zwarm.Cluster.Tests.Support;

/// <summary>A fact that needs the cluster lab (see <see cref="LabPrerequisites"/>): skipped, with the reason, without it.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ClusterFactAttribute : FactAttribute
{
    public ClusterFactAttribute()
    {
        if (LabPrerequisites.Missing is { } reason)
        {
            Skip = reason;
        }
        Timeout = 240_000;
    }
}
