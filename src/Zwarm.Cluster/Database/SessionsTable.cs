// zwarm's placement table: which worker owns each session (written by the worker when it places one) and the
// session's last-known `ls --json` row (rewritten by its worker when it changes). Clients route `show`/`kill`/
// `continue` by id from it, never by asking every worker; `ls` shows a dead worker's sessions from the last-known
// rows as `unreachable` (derived by the client, never written back to a meta.json).
using Npgsql;
using Zwarm.Core;

namespace Zwarm.Cluster.Database;

public sealed class SessionsTable(ClusterConnection connection, string deploymentId)
{
    public const string Name = "zwarm_sessions";

    internal const string CreateSql = $"""
        CREATE TABLE IF NOT EXISTS {Name}
        (
            deployment_id varchar(150) NOT NULL,
            id varchar(64) NOT NULL,
            worker varchar(150) NOT NULL,
            summary text NOT NULL,
            updated_at timestamptz(3) NOT NULL DEFAULT now(),
            PRIMARY KEY (deployment_id, id)
        )
        """;

    /// <summary>Writes (or rewrites) where a session lives and its last-known row.</summary>
    public async Task UpsertAsync(IReadOnlyList<PlacedSession> sessions, CancellationToken cancellationToken)
    {
        if (sessions.Count == 0)
        {
            return;
        }
        await using var db = await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var batch = new NpgsqlBatch(db);
        foreach (var s in sessions)
        {
            var command = new NpgsqlBatchCommand($"""
                INSERT INTO {Name} (deployment_id, id, worker, summary, updated_at) VALUES (@d, @i, @w, @s, now())
                ON CONFLICT (deployment_id, id) DO UPDATE SET worker = EXCLUDED.worker, summary = EXCLUDED.summary, updated_at = now()
                """);
            command.Parameters.AddWithValue("d", deploymentId);
            command.Parameters.AddWithValue("i", s.Id);
            command.Parameters.AddWithValue("w", s.Worker);
            command.Parameters.AddWithValue("s", s.Summary);
            batch.BatchCommands.Add(command);
        }
        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            throw Missing(e);
        }
    }

    /// <summary>The sessions whose id starts with <paramref name="prefix"/> (a full id matches itself only).</summary>
    public Task<IReadOnlyList<PlacedSession>> FindAsync(string prefix, CancellationToken cancellationToken) =>
        QueryAsync($"SELECT id, worker, summary FROM {Name} WHERE deployment_id = @d AND starts_with(id, @p) ORDER BY id LIMIT 2",
            prefix, cancellationToken);

    /// <summary>Every placed session.</summary>
    public Task<IReadOnlyList<PlacedSession>> ReadAllAsync(CancellationToken cancellationToken) =>
        QueryAsync($"SELECT id, worker, summary FROM {Name} WHERE deployment_id = @d", null, cancellationToken);

    private async Task<IReadOnlyList<PlacedSession>> QueryAsync(string sql, string? prefix, CancellationToken cancellationToken)
    {
        await using var db = await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, db);
        command.Parameters.AddWithValue("d", deploymentId);
        if (prefix is not null)
        {
            command.Parameters.AddWithValue("p", prefix);
        }
        var rows = new List<PlacedSession>();
        NpgsqlDataReader reader;
        try
        {
            reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            throw Missing(e);
        }
        await using var _ = reader;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new PlacedSession(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }
        return rows;
    }

    /// <summary>A database set up by the first slice's `cluster init`: one more init adds the table.</summary>
    private ZwarmException Missing(Exception e) => new(ErrorKind.Config,
        $"the cluster database {connection.Display} has no {Name} table: run `zwarm-worker cluster init` again", e);
}
