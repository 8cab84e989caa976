// The on-disk store: .zwarm/sessions/<id>/meta.json + turns/turn_N.{jsonl,stderr,exit.json}. Every write of
// meta.json is atomic, and every read-modify-write holds the session's cross-process lock (sessions/<id>/.lock).
// Folders are 0700 and files 0600 (PrivateStore); only regular files are read, links inside are never followed.
using System.IO.Enumeration;
using System.Text.Json;

namespace Zwarm.Core.Sessions;

public sealed partial class SessionStore
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(30);

    private readonly TimeProvider _time;

    public SessionStore(string stateDirectory, TimeProvider? time = null)
    {
        StateDirectory = stateDirectory;
        SessionsDirectory = Path.Combine(stateDirectory, "sessions");
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The clock of lock waits and the zone naive timestamps are written in.</summary>
    public TimeProvider Time => _time;

    public string StateDirectory { get; }

    public string SessionsDirectory { get; }

    public string SessionDirectory(string id) => Path.Combine(SessionsDirectory, CheckedId(id));

    public string MetaPath(string id) => Path.Combine(SessionDirectory(id), "meta.json");

    public string TurnsDirectory(string id) => Path.Combine(SessionDirectory(id), "turns");

    public string TurnPath(string id, int turn) => Path.Combine(TurnsDirectory(id), $"turn_{turn}.jsonl");

    public string StderrPath(string id, int turn) => Path.Combine(TurnsDirectory(id), $"turn_{turn}.stderr");

    public string ExitPath(string id, int turn) => Path.Combine(TurnsDirectory(id), $"turn_{turn}.exit.json");

    internal string LockPath(string id) => Path.Combine(SessionDirectory(id), ".lock");

    /// <summary>Reads meta.json. Null when the session does not exist; throws <see cref="CorruptSessionException"/> when unreadable.</summary>
    public SessionMeta? Load(string id)
    {
        var path = MetaPath(id);
        if (StoreNative.Lstat(path) is { Kind: not FileKind.Regular } facts)
        {
            // A FIFO would block the read forever, a device never end, a link point anywhere.
            throw new CorruptSessionException(id, $"meta.json is not a regular file ({facts.Kind.ToString().ToLowerInvariant()}); zwarm does not open it");
        }
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CorruptSessionException(id, $"cannot read meta.json: {e.Message}");
        }
        return Deserialize(id, bytes);
    }

    internal static SessionMeta Deserialize(string id, ReadOnlySpan<byte> bytes)
    {
        SessionMeta? meta;
        try
        {
            meta = JsonSerializer.Deserialize(bytes, SessionJsonContext.Store.SessionMeta);
        }
        catch (JsonException e)
        {
            throw new CorruptSessionException(id, $"meta.json is not valid: {FirstLine(e.Message)}");
        }
        if (meta is null)
        {
            throw new CorruptSessionException(id, "meta.json is empty");
        }
        if (!string.Equals(meta.Id, id, StringComparison.OrdinalIgnoreCase))
        {
            throw new CorruptSessionException(id, $"meta.json belongs to another session ({meta.Id})");
        }
        if (meta.Turns?.Any(t => t is null) == true)
        {
            // A turn's number is its place in the list: a hole cannot be read around.
            throw new CorruptSessionException(id, "meta.json is not valid: its list of turns holds a null");
        }
        return WithDefaults(meta);
    }

    // The source generator builds records with init-only properties through one object initializer, so a field
    // missing from the file (every zwarm extra in a Python-written meta.json) arrives as null, not as its default;
    // so does an explicit null (a hand edit, another tool) where a text belongs: both read as the default.
    private static SessionMeta WithDefaults(SessionMeta meta)
    {
        foreach (var turn in meta.Turns ?? [])
        {
            turn.Prompt ??= "";
        }
        foreach (var message in meta.Messages ?? [])
        {
            if (message is not null)
            {
                message.Role ??= "unknown";
                message.Content ??= "";
                message.Timestamp ??= "";
                message.Metadata ??= [];
            }
        }
        if (meta.Turns is not null && meta.Messages is not null && meta.TokenUsage is not null && meta.Model is not null
            && meta.Source is not null && meta.Adapter is not null && !meta.Messages.Any(m => m is null)
            && meta.Task is not null && meta.WorkingDir is not null && meta.CreatedAt is not null && meta.UpdatedAt is not null)
        {
            return meta;
        }
        return meta with
        {
            Task = meta.Task ?? "",
            WorkingDir = meta.WorkingDir ?? "",
            CreatedAt = meta.CreatedAt ?? "",
            UpdatedAt = meta.UpdatedAt ?? "",
            Turns = meta.Turns ?? [],
            Messages = meta.Messages?.Where(m => m is not null).ToList() ?? [],
            TokenUsage = meta.TokenUsage ?? new Dictionary<string, long>(),
            Model = meta.Model ?? "",
            Source = meta.Source ?? "user",
            Adapter = meta.Adapter ?? "codex",
        };
    }

    /// <summary>Takes the session's cross-process lock (see <see cref="FileLock"/>: never recreates a removed session).</summary>
    public async Task<FileLock> LockAsync(string id, CancellationToken cancellationToken) =>
        await LockAsync(id, LockTimeout, cancellationToken).ConfigureAwait(false);

    internal async Task<FileLock> LockAsync(string id, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            return await FileLock.AcquireAsync(LockPath(id), timeout, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (LockTimeoutException)
        {
            throw new ZwarmException(ErrorKind.State,
                $"session {id} is locked by another zwarm process (still held after {timeout.TotalSeconds:0.#} s)");
        }
        catch (DirectoryNotFoundException)
        {
            throw new ZwarmException(ErrorKind.NotFound, $"no session {id}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ZwarmException(ErrorKind.State, $"cannot lock session {id}: {e.Message}");
        }
    }

    /// <summary>
    /// Read-modify-write under the session lock. <paramref name="change"/> returns the new meta, or the same
    /// instance to write nothing. Returns the meta as stored afterwards.
    /// </summary>
    public async Task<SessionMeta> UpdateAsync(string id, Func<SessionMeta, SessionMeta> change,
        CancellationToken cancellationToken)
    {
        using var _ = await LockAsync(id, cancellationToken).ConfigureAwait(false);
        var current = Load(id) ?? throw new ZwarmException(ErrorKind.NotFound, $"no session {id}");
        var next = change(current);
        if (!ReferenceEquals(next, current))
        {
            Write(next);
        }
        return next;
    }

    /// <summary>Names of all session folders that are well-formed ids (anything else in sessions/ is ignored).</summary>
    public IEnumerable<string> EnumerateIds()
    {
        if (!Directory.Exists(SessionsDirectory))
        {
            return [];
        }
        // Names only (no full paths built), folders told apart by the directory entry's type, not a stat each.
        return new FileSystemEnumerable<string>(SessionsDirectory, (ref FileSystemEntry entry) => entry.FileName.ToString(),
            new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = false })
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => entry.IsDirectory && SessionId.IsFull(entry.FileName),
        };
    }

    public bool Exists(string id) => Directory.Exists(SessionDirectory(id));

    /// <summary>The id alias every face accepts for the newest session (by created_at).</summary>
    public const string LastAlias = "last";

    /// <summary>
    /// Resolves a full id, a unique prefix or <see cref="LastAlias"/>. Input is validated before it touches the filesystem.
    /// Throws a Usage, NotFound or Ambiguous <see cref="ZwarmException"/>.
    /// </summary>
    public string Resolve(string idOrPrefix)
    {
        if (string.Equals(idOrPrefix, LastAlias, StringComparison.OrdinalIgnoreCase))
        {
            return new SessionIndex(this).Read().Sessions.OrderByDescending(s => s.CreatedAt, StringComparer.Ordinal)
                .ThenByDescending(s => s.Id, StringComparer.Ordinal).FirstOrDefault()?.Id
                ?? throw new ZwarmException(ErrorKind.NotFound, $"no sessions yet ('{LastAlias}' is the newest session)");
        }
        if (SessionId.Validate(idOrPrefix) is { } problem)
        {
            throw new ZwarmException(ErrorKind.Usage, problem);
        }
        var wanted = SessionId.Normalize(idOrPrefix);
        if (SessionId.IsFull(wanted) && Exists(wanted))
        {
            return wanted;
        }
        var matches = EnumerateIds().Where(id => id.StartsWith(wanted, StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal).ToList();
        return matches.Count switch
        {
            0 => throw new ZwarmException(ErrorKind.NotFound, $"no session matches '{idOrPrefix}'"),
            1 => matches[0],
            _ => throw new ZwarmException(ErrorKind.Ambiguous,
                $"'{idOrPrefix}' matches {matches.Count} sessions: {string.Join(", ", matches.Take(10))}" +
                (matches.Count > 10 ? ", ..." : "") + "; give more characters"),
        };
    }

    private static string CheckedId(string id) =>
        SessionId.IsFull(id) ? id : throw new ZwarmException(ErrorKind.Usage, $"'{id}' is not a session id");

    private static string FirstLine(string message)
    {
        var nl = message.IndexOf('\n');
        return nl >= 0 ? message[..nl] : message;
    }
}

/// <summary>A session folder whose meta.json cannot be used (corrupt, foreign, unreadable).</summary>
public sealed class CorruptSessionException(string id, string reason) : Exception($"session {id}: {reason}")
{
    public string SessionId { get; } = id;

    public string Reason { get; } = reason;
}
