using Zwarm.Cluster.Database;
using Zwarm.Core;

namespace Zwarm.Cluster.Tests.Units;

public sealed class ClusterConnectionTests
{
    private static readonly Dictionary<string, string?> NoEnvironment = [];

    [Fact]
    public void Display_names_user_host_port_and_database_but_never_the_password()
    {
        var connection = ClusterConnection.From("Host=db.example;Port=6543;Username=zw;Password=hunter2secret;Database=cl", NoEnvironment);

        Assert.Equal("zw@db.example:6543/cl", connection.Display);
        Assert.Contains("hunter2secret", connection.ConnectionString);
        Assert.DoesNotContain("hunter2secret", connection.Display);
    }

    [Fact]
    public void The_environment_variable_is_used_when_no_option_is_given()
    {
        var connection = ClusterConnection.From(null,
            new Dictionary<string, string?> { [ClusterConnection.EnvironmentVariable] = "Host=h;Username=u;Database=d" });

        Assert.Equal("u@h:5432/d", connection.Display);
    }

    [Fact]
    public void No_cluster_at_all_is_a_usage_error_naming_the_option_and_the_variable()
    {
        var error = Assert.Throws<ZwarmException>(() => ClusterConnection.From(null, NoEnvironment));

        Assert.Equal(ErrorKind.Usage, error.Kind);
        Assert.Contains("--cluster", error.Message);
        Assert.Contains("ZWARM_CLUSTER", error.Message);
    }

    [Fact]
    public void A_malformed_string_is_a_usage_error_without_its_password()
    {
        var error = Assert.Throws<ZwarmException>(() => ClusterConnection.From("Host=h;Password=topsecret;Bogus Key=1", NoEnvironment));

        Assert.Equal(ErrorKind.Usage, error.Kind);
        Assert.DoesNotContain("topsecret", error.Message);
    }

    [Fact]
    public async Task A_closed_port_is_an_external_error_within_the_connect_timeout()
    {
        // Port 1 on loopback: refused at once, nothing listens there.
        var connection = ClusterConnection.From("Host=127.0.0.1;Port=1;Username=u;Password=pw1234;Database=d", NoEnvironment);

        var error = await Assert.ThrowsAsync<ZwarmException>(() => connection.OpenAsync(CancellationToken.None));

        Assert.Equal(ErrorKind.External, error.Kind);
        Assert.StartsWith("cannot reach the cluster database u@127.0.0.1:1/d: ", error.Message);
        Assert.DoesNotContain("pw1234", error.Message);
    }
}
