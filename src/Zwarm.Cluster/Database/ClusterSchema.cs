// `zwarm-worker cluster init`: the membership schema, applied idempotently. Orleans' own ADO.NET scripts for
// PostgreSQL (PostgreSQL-Main.sql: the query table; PostgreSQL-Clustering.sql: the membership tables and functions;
// copied unchanged from dotnet/orleans at e558829b, MIT) are not re-runnable (plain CREATE TABLE / INSERT), so each is applied
// only when its first table is missing, inside one transaction under an advisory lock (two inits at once cannot
// half-apply). zwarm's own tables (worker facts, session placement) are CREATE ... IF NOT EXISTS.
using Npgsql;

namespace Zwarm.Cluster.Database;

public static class ClusterSchema
{
    /// <summary>What one init did to each part of the schema: "created" or "present".</summary>
    public sealed record Outcome(string Part, bool Created);

    private static readonly (string Part, string Marker, string Resource)[] OrleansScripts =
    [
        ("orleans query table", "orleansquery", "PostgreSQL-Main.sql"),
        ("orleans membership tables", "orleansmembershiptable", "PostgreSQL-Clustering.sql"),
    ];

    // An arbitrary constant: the advisory lock that serialises concurrent inits of one database.
    private const long InitLock = 0x7a7761726d01;

    public static async Task<IReadOnlyList<Outcome>> ApplyAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var outcomes = new List<Outcome>();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, $"SELECT pg_advisory_xact_lock({InitLock})", cancellationToken).ConfigureAwait(false);
        foreach (var (part, marker, resource) in OrleansScripts)
        {
            var present = await TableExistsAsync(connection, marker, cancellationToken).ConfigureAwait(false);
            if (!present)
            {
                await ExecuteAsync(connection, ReadScript(resource), cancellationToken).ConfigureAwait(false);
            }
            outcomes.Add(new Outcome(part, !present));
        }
        var factsPresent = await TableExistsAsync(connection, WorkerFactsTable.Name, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, WorkerFactsTable.CreateSql, cancellationToken).ConfigureAwait(false);
        outcomes.Add(new Outcome("zwarm worker facts table", !factsPresent));
        var sessionsPresent = await TableExistsAsync(connection, SessionsTable.Name, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, SessionsTable.CreateSql, cancellationToken).ConfigureAwait(false);
        outcomes.Add(new Outcome("zwarm sessions table", !sessionsPresent));
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return outcomes;
    }

    /// <summary>True when the membership tables exist (a worker or client checks before starting Orleans).</summary>
    public static Task<bool> IsAppliedAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        TableExistsAsync(connection, "orleansmembershiptable", cancellationToken);

    internal static string ReadScript(string name)
    {
        using var stream = typeof(ClusterSchema).Assembly.GetManifestResourceStream("Zwarm.Cluster.Sql." + name)
            ?? throw new InvalidOperationException($"embedded script {name} is missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static async Task<bool> TableExistsAsync(NpgsqlConnection connection, string table, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT to_regclass(@name) IS NOT NULL", connection);
        command.Parameters.AddWithValue("name", table);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
