// .zwarm/instances/<id>/: state.json (atomic), messages.json (the working conversation, atomic), transcript.jsonl
// (every message ever added, never compacted), events.jsonl (every step, call, verdict), run.lock (held by the
// process running it, so two processes never drive one instance).
using System.Text.Json;
using Zwarm.Core;
using Zwarm.Core.Sessions;
using Microsoft.Extensions.AI;

namespace Zwarm.Orchestration.Instances;

public sealed class InstanceStore(string stateDirectory)
{
    public string InstancesDirectory { get; } = Path.Combine(stateDirectory, "instances");

    public string Directory(string id) => Path.Combine(InstancesDirectory, Checked(id));

    public string StatePath(string id) => Path.Combine(Directory(id), "state.json");

    public string MessagesPath(string id) => Path.Combine(Directory(id), "messages.json");

    public string TranscriptPath(string id) => Path.Combine(Directory(id), "transcript.jsonl");

    public string EventsPath(string id) => Path.Combine(Directory(id), "events.jsonl");

    public string LockPath(string id) => Path.Combine(Directory(id), "run.lock");

    public bool Exists(string id) => File.Exists(StatePath(id));

    /// <summary>Creates the folder of a new instance; fails when the id is taken.</summary>
    public void Create(InstanceState state)
    {
        var dir = Directory(state.Id);
        if (System.IO.Directory.Exists(dir))
        {
            throw new ZwarmException(ErrorKind.Conflict, $"instance {state.Id} already exists (resume it with --resume --instance {state.Id})");
        }
        PrivateStore.CreateDirectory(dir);
        Save(state);
    }

    /// <summary>A fresh random id not used yet.</summary>
    public string NewId()
    {
        while (true)
        {
            var id = InstanceIds.New();
            if (!System.IO.Directory.Exists(Path.Combine(InstancesDirectory, id)))
            {
                return id;
            }
        }
    }

    public void Save(InstanceState state) =>
        AtomicFile.WriteAllBytes(StatePath(state.Id), JsonSerializer.SerializeToUtf8Bytes(state, InstanceJsonContext.Indented.InstanceState));

    /// <summary>Reads state.json (untrusted: a regular file of bounded size, whose id is the folder's). Null when missing.</summary>
    public InstanceState? Load(string id)
    {
        try
        {
            return StoreFiles.ReadRegular(StatePath(id)) is { } bytes
                ? InstanceStateCheck.Checked(id, JsonSerializer.Deserialize(bytes, InstanceJsonContext.Indented.InstanceState))
                : null;
        }
        catch (JsonException e)
        {
            throw new ZwarmException(ErrorKind.State, $"instance {id}: state.json is corrupt ({e.Message})");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ZwarmException(ErrorKind.State, $"instance {id}: {e.Message}");
        }
    }

    public InstanceState LoadOrThrow(string id) =>
        Load(id) ?? throw new ZwarmException(ErrorKind.NotFound, $"no instance {id}");

    public void SaveMessages(string id, IEnumerable<ChatMessage> messages)
    {
        var dtos = messages.Select(MessageCodec.ToDto).ToList();
        AtomicFile.WriteAllBytes(MessagesPath(id), JsonSerializer.SerializeToUtf8Bytes(dtos, InstanceJsonContext.Indented.ListMessageDto));
    }

    public List<ChatMessage> LoadMessages(string id)
    {
        try
        {
            if (StoreFiles.ReadRegular(MessagesPath(id)) is not { } bytes)
            {
                return [];
            }
            var dtos = JsonSerializer.Deserialize(bytes, InstanceJsonContext.Indented.ListMessageDto) ?? [];
            return [.. dtos.Where(d => d is not null).Select(MessageCodec.FromDto)];
        }
        catch (JsonException e)
        {
            throw new ZwarmException(ErrorKind.State, $"instance {id}: messages.json is corrupt ({e.Message})");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ZwarmException(ErrorKind.State, $"instance {id}: {e.Message}");
        }
    }

    /// <summary>Appends messages to the never-compacted transcript.</summary>
    public void AppendTranscript(string id, IEnumerable<ChatMessage> messages)
    {
        using var stream = new FileStream(TranscriptPath(id), PrivateStore.NewFile(FileMode.Append, FileAccess.Write, FileShare.ReadWrite));
        foreach (var message in messages)
        {
            stream.Write(JsonSerializer.SerializeToUtf8Bytes(MessageCodec.ToDto(message), InstanceJsonContext.Lines.MessageDto));
            stream.WriteByte((byte)'\n');
        }
    }

    public EventLog OpenEvents(string id) => new(EventsPath(id));

    public IEnumerable<EventLine> ReadEvents(string id) => EventLog.Read(EventsPath(id));

    /// <summary>Takes the instance's run lock, or fails at once when another process holds it.</summary>
    public async Task<FileLock> LockAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            return await FileLock.AcquireAsync(LockPath(id), TimeSpan.FromMilliseconds(200), cancellationToken).ConfigureAwait(false);
        }
        catch (IOException)
        {
            throw new ZwarmException(ErrorKind.Conflict, $"instance {id} is being run by another zwarm process");
        }
    }

    /// <summary>Every instance (newest first) and the folders that could not be read.</summary>
    public (IReadOnlyList<InstanceState> Instances, IReadOnlyList<string> Problems) List()
    {
        var instances = new List<InstanceState>();
        var problems = new List<string>();
        if (!System.IO.Directory.Exists(InstancesDirectory))
        {
            return (instances, problems);
        }
        foreach (var dir in System.IO.Directory.EnumerateDirectories(InstancesDirectory))
        {
            var id = Path.GetFileName(dir);
            if (InstanceIds.Validate(id) is not null)
            {
                continue;
            }
            try
            {
                if (Load(id) is { } state)
                {
                    instances.Add(state);
                }
            }
            catch (ZwarmException e)
            {
                problems.Add(e.Message);
            }
        }
        instances.Sort((a, b) => b.CreatedAt.CompareTo(a.CreatedAt));
        return (instances, problems);
    }

    /// <summary>The full id for an id or unique prefix; the newest instance when null.</summary>
    public string Resolve(string? idOrPrefix)
    {
        if (idOrPrefix is null)
        {
            var newest = List().Instances.FirstOrDefault()
                ?? throw new ZwarmException(ErrorKind.NotFound, "no instances yet (start one with: zwarm orchestrate --task ..., or zwarm pilot)");
            return newest.Id;
        }
        if (InstanceIds.Validate(idOrPrefix) is { } problem)
        {
            throw new ZwarmException(ErrorKind.Usage, problem);
        }
        if (Exists(idOrPrefix))
        {
            return idOrPrefix;
        }
        var matches = System.IO.Directory.Exists(InstancesDirectory)
            ? System.IO.Directory.EnumerateDirectories(InstancesDirectory).Select(Path.GetFileName)
                .Where(n => n is not null && n.StartsWith(idOrPrefix, StringComparison.Ordinal) && Exists(n)).Select(n => n!).ToList()
            : [];
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new ZwarmException(ErrorKind.NotFound, $"no instance {idOrPrefix} (see: zwarm instances)"),
            _ => throw new ZwarmException(ErrorKind.Ambiguous,
                $"instance prefix '{idOrPrefix}' matches {matches.Count} instances: {string.Join(", ", matches.Take(5))}"),
        };
    }

    private static string Checked(string id) =>
        InstanceIds.Validate(id) is { } problem ? throw new ZwarmException(ErrorKind.Usage, problem) : id;
}
