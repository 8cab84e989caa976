// Where each live worker takes clients: the gateway (proxy) port of its newest active incarnation in Orleans'
// membership table. A worker that died within the last few seconds may still be listed; connecting to it fails
// fast (its sockets are gone) and the caller treats it as unreachable.
using System.Net;
using Npgsql;

namespace Zwarm.Cluster.Database;

internal static class GatewayReader
{
    private const int Active = 3; // Orleans' SiloStatus.Active

    public static async Task<IReadOnlyDictionary<string, IPEndPoint>> ActiveAsync(ClusterConnection connection, string deploymentId,
        CancellationToken cancellationToken)
    {
        await using var db = await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("""
            SELECT siloname, address, proxyport FROM orleansmembershiptable
            WHERE deploymentid = @d AND status = @s ORDER BY generation
            """, db);
        command.Parameters.AddWithValue("d", deploymentId);
        command.Parameters.AddWithValue("s", Active);
        var gateways = new Dictionary<string, IPEndPoint>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (IPAddress.TryParse(reader.GetString(1), out var address))
            {
                gateways[reader.GetString(0)] = new IPEndPoint(address, reader.GetInt32(2)); // newest generation last: it wins
            }
        }
        return gateways;
    }
}
