// The worker's side of remote sessions: zwarm's own SessionService on the worker's local store (its --state-dir),
// so a remote session is an ordinary session of that store (detached turns, meta.json, the CLI's JSON shapes) and
// survives the worker's restart. Spawns are serialised here so the capacity check and the start are one step; the
// placement row is written before the id is returned, so a client can route to the session at once.
using System.Buffers;
using System.Text;
using System.Text.Json;
using Zwarm.Cluster.Database;
using Zwarm.Cluster.Grains;
using Zwarm.Cluster.Workers;
using Zwarm.Core;
using Zwarm.Core.Agents;
using Zwarm.Core.Config;
using Zwarm.Core.Output;
using Zwarm.Core.Sessions;

namespace Zwarm.Cluster.Sessions;

internal sealed class WorkerSessions(WorkerSettings settings, ZwarmContext context, SessionsTable table)
{
    private readonly SemaphoreSlim _spawning = new(1, 1);
    private readonly SessionService _sessions = new(context);
    private readonly Lazy<IReadOnlyList<string>> _agents = new(() => LocalAgents.Find(context));

    public SessionService Service => _sessions;

    public async Task<SessionReply> SpawnAsync(SpawnCall call, CancellationToken cancellationToken)
    {
        await _spawning.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var name = call.Adapter ?? context.Config.Executor.Adapter;
            if (!AgentRegistry.Default.TryGet(name, out var adapter))
            {
                throw new ZwarmException(ErrorKind.Usage, $"unknown agent '{name}'");
            }
            if (!_agents.Value.Contains(adapter.Name))
            {
                throw new ZwarmException(ErrorKind.AgentMissing, $"worker {settings.Name} has no {adapter.Name} installed");
            }
            var running = await RunningAsync(cancellationToken).ConfigureAwait(false);
            if (running >= settings.MaxSessions)
            {
                throw new ZwarmException(ErrorKind.Conflict, $"worker {settings.Name} is full ({running}/{settings.MaxSessions} running)");
            }
            var meta = await _sessions.StartAsync(new StartRequest(call.Task, adapter.Name, call.Model, call.Directory), cancellationToken)
                .ConfigureAwait(false);
            await table.UpsertAsync([new PlacedSession(meta.Id, settings.Name, SummaryJson(SessionSummaries.From(meta)))], cancellationToken)
                .ConfigureAwait(false);
            return SessionReply.Ok(Json(w =>
            {
                w.WriteStartObject();
                w.WriteString("id", meta.Id);
                w.WriteString("worker", settings.Name);
                w.WriteString("adapter", meta.Adapter);
                w.WriteString("model", meta.Model);
                w.WriteString("status", meta.Status.ToName());
                w.WriteEndObject();
            }));
        }
        catch (ZwarmException e)
        {
            return SessionReply.Failed(e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return SessionReply.Failed(new ZwarmException(ErrorKind.State, $"worker {settings.Name}'s store: {e.Message}"));
        }
        finally
        {
            _spawning.Release();
        }
    }

    public Task<SessionReply> ListAsync(CancellationToken cancellationToken) => Answer(async () =>
    {
        var listing = await _sessions.ListAsync(cancellationToken).ConfigureAwait(false);
        return Json(listing.WriteJson);
    });

    public Task<SessionReply> ShowAsync(string id, CancellationToken cancellationToken) => Answer(async () =>
    {
        var meta = await _sessions.GetAsync(id, cancellationToken).ConfigureAwait(false);
        var turns = Enumerable.Range(1, meta.Turns.Count).ToArray();
        return Json(w => ShowJsonWriter.Write(w, _sessions, meta, turns));
    });

    public Task<SessionReply> KillAsync(string id, CancellationToken cancellationToken) => Answer(async () =>
    {
        var result = await _sessions.KillAsync(id, cancellationToken).ConfigureAwait(false);
        return Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("id", result.Session.Id);
            w.WriteString("worker", settings.Name);
            w.WriteString("outcome", result.Outcome.ToString().ToLowerInvariant());
            w.WriteString("status", result.Session.Status.ToName());
            w.WriteString("note", result.Note);
            w.WriteEndObject();
        });
    });

    public Task<SessionReply> ContinueAsync(string id, string message, CancellationToken cancellationToken) => Answer(async () =>
    {
        var meta = await _sessions.ContinueAsync(id, message, cancellationToken).ConfigureAwait(false);
        return Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("id", meta.Id);
            w.WriteString("worker", settings.Name);
            w.WriteNumber("turn", meta.Turns.Count);
            w.WriteString("status", meta.Status.ToName());
            w.WriteEndObject();
        });
    });

    /// <summary>Sessions holding a slot: running, or started and not yet running.</summary>
    public async Task<int> RunningAsync(CancellationToken cancellationToken) =>
        (await _sessions.ListAsync(cancellationToken).ConfigureAwait(false)).Sessions
            .Count(s => s.Status is SessionStatus.Running or SessionStatus.Pending);

    public static string SummaryJson(SessionSummary summary) => Json(w => SessionSummaryJson.Write(w, summary));

    private async Task<SessionReply> Answer(Func<Task<string>> work)
    {
        try
        {
            return SessionReply.Ok(await work().ConfigureAwait(false));
        }
        catch (ZwarmException e)
        {
            return SessionReply.Failed(e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return SessionReply.Failed(new ZwarmException(ErrorKind.State, $"worker {settings.Name}'s store: {e.Message}"));
        }
    }

    private static string Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
