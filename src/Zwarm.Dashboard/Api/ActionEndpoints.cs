// The actions (continue, kill, merge, apply, discard): the same Core calls as `zwarm continue`, `kill`, `merge`,
// `apply` and `rm --force --discard-work`, so the refusals are the CLI's own words (as 409, by ZwarmException kind).
using Microsoft.AspNetCore.Http;
using Zwarm.Core;
using Zwarm.Core.Processes;
using Zwarm.Core.Sessions;
using Zwarm.Core.Workspaces;

namespace Zwarm.Dashboard.Api;

internal sealed class ActionEndpoints(DashboardContext dashboard)
{
    public async Task ContinueAsync(HttpContext context)
    {
        var id = SessionEndpoints.Id(context);
        var body = await RequestBody.ReadAsync(context).ConfigureAwait(false);
        var message = RequestBody.String(body, "message");
        if (string.IsNullOrWhiteSpace(message))
        {
            throw new ZwarmException(ErrorKind.Usage, "\"message\" is required: the follow-up to send");
        }
        var meta = await dashboard.Sessions.ContinueAsync(id, message, context.RequestAborted).ConfigureAwait(false);
        await ApiJson.WriteAsync(context, StatusCodes.Status202Accepted, w =>
        {
            w.WriteStartObject();
            w.WriteString("id", meta.Id);
            w.WriteNumber("turn", meta.Turn);
            w.WriteEndObject();
        }).ConfigureAwait(false);
    }

    public async Task KillAsync(HttpContext context)
    {
        var id = SessionEndpoints.Id(context);
        var result = await dashboard.Sessions.KillAsync(id, context.RequestAborted).ConfigureAwait(false);
        if (result.Outcome is KillOutcome.NotRunning or KillOutcome.Refused)
        {
            throw new ZwarmException(ErrorKind.Conflict, result.Note
                ?? $"session {SessionEndpoints.Short(result.Session.Id)} is not running (it is {result.Session.Status.ToName()})");
        }
        await ApiJson.WriteAsync(context, StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WriteString("id", result.Session.Id);
            w.WriteString("status", result.Session.Status.ToName());
            w.WriteString("note", result.Note);
            w.WriteEndObject();
        }).ConfigureAwait(false);
    }

    public async Task MergeAsync(HttpContext context)
    {
        var id = SessionEndpoints.Id(context);
        var body = await RequestBody.ReadAsync(context).ConfigureAwait(false);
        var strategy = RequestBody.String(body, "strategy") switch
        {
            null or "merge" => MergeStrategy.Merge,
            "squash" => MergeStrategy.Squash,
            "rebase" => MergeStrategy.Rebase,
            "no-ff" => MergeStrategy.NoFastForward,
            var other => throw new ZwarmException(ErrorKind.Usage, $"unknown strategy '{other}' (merge, squash, rebase, no-ff)"),
        };
        var outcome = await dashboard.Workspaces.MergeAsync(
            new MergeRequest(id, strategy, RequestBody.String(body, "into"), RequestBody.String(body, "message")), context.RequestAborted)
            .ConfigureAwait(false);
        // The words of `zwarm merge`.
        await MessageAsync(context, outcome.AlreadyMerged
            ? $"{outcome.Branch} is already in {outcome.Into}; nothing to do"
            : $"merged {outcome.Branch} into {outcome.Into} ({outcome.Strategy}): {Sha(outcome.Before)} -> {Sha(outcome.After)}").ConfigureAwait(false);
    }

    public async Task ApplyAsync(HttpContext context)
    {
        var id = SessionEndpoints.Id(context);
        var outcome = await dashboard.Workspaces.ApplyAsync(id, context.RequestAborted).ConfigureAwait(false);
        await MessageAsync(context, outcome.Files.Count == 0
            ? $"session {SessionEndpoints.Short(outcome.Session)} changed nothing; nothing to apply"
            : $"applied {outcome.Files.Count} file(s) to {outcome.Directory} as uncommitted changes").ConfigureAwait(false);
    }

    public async Task DiscardAsync(HttpContext context)
    {
        var id = SessionEndpoints.Id(context);
        var meta = await dashboard.Sessions.GetAsync(id, context.RequestAborted).ConfigureAwait(false);
        var removed = await dashboard.Sessions.Removal.RemoveAsync([meta.Id],
            new RemovalOptions(KillRunning: true, RemoveDamaged: true, DiscardWork: true), context.RequestAborted).ConfigureAwait(false);
        var status = removed.Count > 0 ? removed[0].Meta?.Status.ToName() ?? "damaged" : meta.Status.ToName();
        await MessageAsync(context, $"discarded session {SessionEndpoints.Short(meta.Id)} ({status})" +
            (meta.Workspace is { } w ? $" with its branch {w.Branch}" : "")).ConfigureAwait(false);
    }

    private static Task MessageAsync(HttpContext context, string message) =>
        ApiJson.WriteAsync(context, StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WriteString("message", message);
            w.WriteEndObject();
        });

    private static string Sha(string sha) => sha.Length > 10 ? sha[..10] : sha;
}
