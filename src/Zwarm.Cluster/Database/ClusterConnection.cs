// The cluster's PostgreSQL connection string (--cluster or ZWARM_CLUSTER), Npgsql syntax
// ("Host=db;Port=5432;Username=zwarm;Password=...;Database=zwarm"). It is only ever shown as Display (user@host:port/db):
// the password never reaches a message or a log. Connecting has a deadline: a dead database is a clear error, not a hang.
using System.Net.Sockets;
using Npgsql;
using Zwarm.Core;

namespace Zwarm.Cluster.Database;

public sealed class ClusterConnection
{
    /// <summary>The environment variable read when --cluster is not given.</summary>
    public const string EnvironmentVariable = "ZWARM_CLUSTER";

    /// <summary>How long opening a connection may take (Npgsql's Timeout), unless the string says otherwise.</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);

    private ClusterConnection(string connectionString, string display)
    {
        ConnectionString = connectionString;
        Display = display;
    }

    /// <summary>The full connection string (with the password): for Npgsql and Orleans only, never for output.</summary>
    public string ConnectionString { get; }

    /// <summary>user@host:port/database: what messages and logs show.</summary>
    public string Display { get; }

    /// <summary>Parses --cluster (or, when null, <see cref="EnvironmentVariable"/>); a missing or malformed one is a usage error.</summary>
    public static ClusterConnection From(string? option, IReadOnlyDictionary<string, string?> environment)
    {
        var value = string.IsNullOrWhiteSpace(option) ? environment.GetValueOrDefault(EnvironmentVariable) : option;
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ZwarmException(ErrorKind.Usage,
                $"no cluster given: pass --cluster 'Host=...;Username=...;Database=...' or set {EnvironmentVariable}");
        }
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(value);
        }
        catch (ArgumentException e)
        {
            // The parser's message names the bad key, never its value.
            throw new ZwarmException(ErrorKind.Usage, $"the cluster connection string is not valid: {e.Message}");
        }
        if (string.IsNullOrEmpty(builder.Host))
        {
            throw new ZwarmException(ErrorKind.Usage, "the cluster connection string names no Host");
        }
        if (!value.Contains("timeout", StringComparison.OrdinalIgnoreCase))
        {
            builder.Timeout = (int)ConnectTimeout.TotalSeconds;
            builder.CommandTimeout = 15;
        }
        builder.ApplicationName ??= "zwarm";
        var user = string.IsNullOrEmpty(builder.Username) ? "" : builder.Username + "@";
        var display = $"{user}{builder.Host}:{builder.Port}/{builder.Database ?? builder.Username ?? "postgres"}";
        return new ClusterConnection(builder.ConnectionString, display);
    }

    /// <summary>Opens a connection within the connect timeout; failure is one External error naming the database.</summary>
    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(ConnectionString);
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(ConnectTimeout + TimeSpan.FromSeconds(1));
            await connection.OpenAsync(deadline.Token).ConfigureAwait(false);
            return connection;
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException
                                      or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw Unreachable(e);
        }
    }

    /// <summary>The one-line error for a database that cannot be used.</summary>
    public ZwarmException Unreachable(Exception error) =>
        new(ErrorKind.External, $"cannot reach the cluster database {Display}: {Reason(error)}", error);

    private static string Reason(Exception error) => error switch
    {
        PostgresException p => $"{p.MessageText} ({p.SqlState})",
        OperationCanceledException or TimeoutException => $"no answer within {ConnectTimeout.TotalSeconds:0} s",
        _ when Innermost(error) is SocketException s => s.Message,
        _ => Innermost(error).Message,
    };

    private static Exception Innermost(Exception error)
    {
        while (error.InnerException is { } inner)
        {
            error = inner;
        }
        return error;
    }
}
