using Zwarm.Cluster.Tests.Support;

namespace Zwarm.Cluster.Tests.Membership;

/// <summary>One three-worker lab shared by the tests that leave it as they found it.</summary>
public sealed class LabFixture : IAsyncLifetime
{
    internal ClusterLab? Lab { get; private set; }

    public async Task InitializeAsync()
    {
        if (LabPrerequisites.Missing is null)
        {
            Lab = await ClusterLab.StartAsync(workers: 3);
        }
    }

    public async Task DisposeAsync()
    {
        if (Lab is not null)
        {
            await Lab.DisposeAsync();
        }
    }
}
