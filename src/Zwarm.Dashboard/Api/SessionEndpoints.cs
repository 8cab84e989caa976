// The read side of sessions: the list (`ls --json --all` rows), one session (`show --json`), its trajectory
// (`traj --json`) and an isolated session's diff, through the same Core writers the CLI uses.
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Zwarm.Core;
using Zwarm.Core.Events;
using Zwarm.Core.Output;
using Zwarm.Core.Sessions;
using Zwarm.Core.Workspaces;

namespace Zwarm.Dashboard.Api;

internal sealed class SessionEndpoints(DashboardContext dashboard)
{
    public async Task ListAsync(HttpContext context)
    {
        var listing = await dashboard.Sessions.ListAsync(context.RequestAborted).ConfigureAwait(false);
        var now = dashboard.Time.GetUtcNow();
        await ApiJson.WriteAsync(context, StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("sessions");
            foreach (var s in listing.Sessions)
            {
                SessionRow.Write(w, s);
            }
            w.WriteEndArray();
            w.WriteString("generated_at", now);
            w.WriteEndObject();
        }).ConfigureAwait(false);
    }

    public async Task ShowAsync(HttpContext context)
    {
        var meta = await LoadAsync(context).ConfigureAwait(false);
        var turns = Turns(context, meta);
        await ApiJson.WriteAsync(context, StatusCodes.Status200OK, w => ShowJsonWriter.Write(w, dashboard.Sessions, meta, turns))
            .ConfigureAwait(false);
    }

    public async Task TrajectoryAsync(HttpContext context)
    {
        var meta = await LoadAsync(context).ConfigureAwait(false);
        var turns = Turns(context, meta);
        var full = context.Request.Query["full"] is { Count: > 0 } f && f.ToString() is "1" or "true";
        var steps = TrajectoryReader.Read(dashboard.Sessions, meta, turns, full ? null : Trajectory.DefaultMaxText, context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await using var writer = new System.Text.Json.Utf8JsonWriter(context.Response.BodyWriter, ApiJson.WriterOptions);
        var stepWriter = new TrajectoryStepJsonWriter(writer);
        writer.WriteStartArray();
        var count = 0;
        foreach (var step in steps)
        {
            stepWriter.Write(step);
            if (++count % 256 == 0)
            {
                // A big turn goes out as it is read, not gathered in memory first.
                await writer.FlushAsync(context.RequestAborted).ConfigureAwait(false);
                await context.Response.BodyWriter.FlushAsync(context.RequestAborted).ConfigureAwait(false);
            }
        }
        writer.WriteEndArray();
        await writer.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    public async Task DiffAsync(HttpContext context)
    {
        var id = Id(context);
        var turn = OptionalTurn(context);
        var diff = await dashboard.Workspaces.DiffAsync(new DiffRequest(id, turn, DiffFormat.Files), context.RequestAborted).ConfigureAwait(false);
        await ApiJson.WriteAsync(context, StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WriteString("session", diff.Session);
            w.WriteString("branch", diff.Branch);
            w.WriteStartArray("files");
            foreach (var file in diff.Files)
            {
                w.WriteStartObject();
                w.WriteString("path", file.Path);
                w.WriteString("status", file.Status);
                w.WriteNumber("added", file.Added);
                w.WriteNumber("removed", file.Removed);
                w.WriteBoolean("binary", file.Binary);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteString("patch", string.Concat(diff.Files.Select(f => f.Patch)));
            w.WriteString("note", diff.Note);
            w.WriteEndObject();
        }).ConfigureAwait(false);
    }

    internal async Task<SessionMeta> LoadAsync(HttpContext context) =>
        await dashboard.Sessions.GetAsync(Id(context), context.RequestAborted).ConfigureAwait(false);

    /// <summary>The {id} of the route: a full id or unique prefix; anything else (a path, "last") is refused before it is used.</summary>
    internal static string Id(HttpContext context)
    {
        var id = context.Request.RouteValues["id"] as string ?? "";
        if (SessionId.Validate(id) is { } problem)
        {
            throw new ZwarmException(ErrorKind.Usage, problem);
        }
        return id;
    }

    /// <summary>?turn=N as a number, or null when absent.</summary>
    internal static int? OptionalTurn(HttpContext context)
    {
        if (context.Request.Query["turn"] is not { Count: > 0 } given)
        {
            return null;
        }
        return int.TryParse(given.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1
            ? n
            : throw new ZwarmException(ErrorKind.Usage, "turn must be a positive number");
    }

    /// <summary>The turns ?turn=N selects (all when absent), as `show --turn` and `traj --turn` do.</summary>
    internal static IReadOnlyList<int> Turns(HttpContext context, SessionMeta meta)
    {
        if (OptionalTurn(context) is { } t)
        {
            return t <= meta.Turn
                ? [t]
                : throw new ZwarmException(ErrorKind.NotFound, $"session {Short(meta.Id)} has turns 1..{meta.Turn}");
        }
        return Enumerable.Range(1, Math.Max(1, meta.Turn)).ToList();
    }

    internal static string Short(string id) => id.Length > 8 ? id[..8] : id;
}
