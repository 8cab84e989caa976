// zwarm's own table beside Orleans' membership table: each worker's advertised facts, one row per silo incarnation
// (the membership table's key), rewritten by the worker every few seconds with its current load. Orleans keeps the
// liveness; this keeps what Orleans does not know (capacity, labels, agents, load). Rows of incarnations Orleans has
// forgotten are removed when a worker starts.
using Npgsql;
using Zwarm.Cluster.Workers;

namespace Zwarm.Cluster.Database;

public sealed class WorkerFactsTable(ClusterConnection connection, string deploymentId)
{
    public const string Name = "zwarm_worker_facts";

    internal const string CreateSql = $"""
        CREATE TABLE IF NOT EXISTS {Name}
        (
            deployment_id varchar(150) NOT NULL,
            address varchar(45) NOT NULL,
            port integer NOT NULL,
            generation integer NOT NULL,
            name varchar(150) NOT NULL,
            max_sessions integer NOT NULL,
            labels text[] NOT NULL,
            agents text[] NOT NULL,
            running integer NOT NULL,
            updated_at timestamptz(3) NOT NULL DEFAULT now(),
            PRIMARY KEY (deployment_id, address, port, generation)
        )
        """;

    /// <summary>Writes (or rewrites) the facts of one silo incarnation.</summary>
    public async Task UpsertAsync(SiloKey silo, WorkerFacts facts, CancellationToken cancellationToken)
    {
        await using var db = await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"""
            INSERT INTO {Name} (deployment_id, address, port, generation, name, max_sessions, labels, agents, running, updated_at)
            VALUES (@d, @a, @p, @g, @n, @m, @l, @ag, @r, now())
            ON CONFLICT (deployment_id, address, port, generation) DO UPDATE SET
                name = EXCLUDED.name, max_sessions = EXCLUDED.max_sessions, labels = EXCLUDED.labels,
                agents = EXCLUDED.agents, running = EXCLUDED.running, updated_at = now()
            """, db);
        command.Parameters.AddWithValue("d", deploymentId);
        command.Parameters.AddWithValue("a", silo.Address);
        command.Parameters.AddWithValue("p", silo.Port);
        command.Parameters.AddWithValue("g", silo.Generation);
        command.Parameters.AddWithValue("n", facts.Name);
        command.Parameters.AddWithValue("m", facts.MaxSessions);
        command.Parameters.AddWithValue("l", facts.Labels.ToArray());
        command.Parameters.AddWithValue("ag", facts.Agents.ToArray());
        command.Parameters.AddWithValue("r", facts.Running);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes the rows of incarnations no longer in Orleans' membership table.</summary>
    public async Task PruneAsync(CancellationToken cancellationToken)
    {
        await using var db = await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"""
            DELETE FROM {Name} f WHERE f.deployment_id = @d AND NOT EXISTS (
                SELECT 1 FROM orleansmembershiptable m WHERE m.deploymentid = f.deployment_id
                AND m.address = f.address AND m.port = f.port AND m.generation = f.generation)
            """, db);
        command.Parameters.AddWithValue("d", deploymentId);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every row of this deployment, by silo incarnation.</summary>
    public async Task<IReadOnlyDictionary<SiloKey, WorkerFacts>> ReadAllAsync(CancellationToken cancellationToken)
    {
        await using var db = await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            $"SELECT address, port, generation, name, max_sessions, labels, agents, running FROM {Name} WHERE deployment_id = @d", db);
        command.Parameters.AddWithValue("d", deploymentId);
        var rows = new Dictionary<SiloKey, WorkerFacts>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows[new SiloKey(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2))] = new WorkerFacts(
                reader.GetString(3), reader.GetInt32(4), reader.GetFieldValue<string[]>(5), reader.GetFieldValue<string[]>(6),
                reader.GetInt32(7));
        }
        return rows;
    }
}
