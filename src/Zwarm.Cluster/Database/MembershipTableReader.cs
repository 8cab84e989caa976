// Reads Orleans' membership table directly: used by `workers` only to learn whether any member is alive (a client
// needs a live gateway) and, when none is, to list the dead ones from the record Orleans left.
using Npgsql;
using Orleans.Runtime;
using Zwarm.Cluster.Workers;

namespace Zwarm.Cluster.Database;

internal static class MembershipTableReader
{
    public static async Task<IReadOnlyList<MembershipRecord>> ReadAsync(NpgsqlConnection db, string deploymentId,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT address, port, generation, siloname, status, starttime, iamalivetime
            FROM orleansmembershiptable WHERE deploymentid = @d
            """, db);
        command.Parameters.AddWithValue("d", deploymentId);
        var rows = new List<MembershipRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new MembershipRecord(new SiloKey(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2)),
                reader.GetString(3), (SiloStatus)reader.GetInt32(4),
                reader.GetFieldValue<DateTime>(5), reader.GetFieldValue<DateTime>(6)));
        }
        return rows;
    }
}
