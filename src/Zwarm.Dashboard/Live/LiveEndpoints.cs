// The two live streams: /api/events (every change of the store, from StoreWatcher through the EventHub, with a
// ping every 15 s so idle connections stay open) and /api/sessions/{id}/stream (one turn's steps from its start,
// then as the turn file grows - Core's FileFollower, driven by file-system notifications - and an end event).
using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Zwarm.Core;
using Zwarm.Core.Output;
using Zwarm.Core.Sessions;
using Zwarm.Dashboard.Api;

namespace Zwarm.Dashboard.Live;

internal sealed class LiveEndpoints(DashboardContext dashboard)
{
    public static readonly TimeSpan PingInterval = TimeSpan.FromSeconds(15);

    public async Task EventsAsync(HttpContext context)
    {
        var ct = context.RequestAborted;
        using var subscription = dashboard.Hub.Subscribe();
        await EventStream.BeginAsync(context).ConfigureAwait(false);
        var reader = subscription.Reader;
        var waiting = reader.WaitToReadAsync(ct).AsTask();
        while (!ct.IsCancellationRequested)
        {
            using var ping = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var pingDue = Task.Delay(PingInterval, dashboard.Time, ping.Token);
            if (await Task.WhenAny(waiting, pingDue).ConfigureAwait(false) == pingDue)
            {
                if (pingDue.IsCanceled)
                {
                    break;
                }
                await EventStream.PingAsync(context).ConfigureAwait(false);
                continue;
            }
            await ping.CancelAsync().ConfigureAwait(false);
            if (!await waiting.ConfigureAwait(false))
            {
                break; // the server is stopping
            }
            while (reader.TryRead(out var e))
            {
                await EventStream.WriteAsync(context, e.Name, e.Data).ConfigureAwait(false);
            }
            waiting = reader.WaitToReadAsync(ct).AsTask();
        }
    }

    public async Task TurnAsync(HttpContext context)
    {
        var ct = context.RequestAborted;
        var meta = await dashboard.Sessions.GetAsync(SessionEndpoints.Id(context), ct).ConfigureAwait(false);
        var turn = SessionEndpoints.OptionalTurn(context) ?? Math.Max(1, meta.Turn);
        if (turn > Math.Max(1, meta.Turn))
        {
            throw new ZwarmException(ErrorKind.NotFound, $"session {SessionEndpoints.Short(meta.Id)} has turns 1..{meta.Turn}");
        }
        var decoder = new TurnLineDecoder(dashboard.Sessions.AdapterFor(meta).CreateParser(), turn);
        await EventStream.BeginAsync(context).ConfigureAwait(false);
        var buffer = new ArrayBufferWriter<byte>(4096);
        await foreach (var line in dashboard.Sessions.FollowTurnAsync(meta, turn, ct).ConfigureAwait(false))
        {
            foreach (var step in decoder.Decode(line))
            {
                buffer.Clear();
                using (var writer = new Utf8JsonWriter(buffer, ApiJson.WriterOptions))
                {
                    new TrajectoryStepJsonWriter(writer).Write(step);
                }
                await EventStream.WriteAsync(context, "step", Encoding.UTF8.GetString(buffer.WrittenSpan)).ConfigureAwait(false);
            }
        }
        var after = await dashboard.Sessions.GetAsync(meta.Id, ct).ConfigureAwait(false);
        var status = after.Turns.FirstOrDefault(t => t.Turn == turn)?.Status ?? after.Status;
        await EventStream.WriteAsync(context, "end", $"{{\"status\":\"{status.ToName()}\"}}").ConfigureAwait(false);
    }
}
