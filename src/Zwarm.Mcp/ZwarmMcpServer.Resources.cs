// Sessions as resources: zwarm://sessions/<id> (the check_session report: meta and the last reply) and
// zwarm://sessions/<id>/turns/<n> (that turn's trajectory as text). Subscribers get notifications/resources/updated
// when a session's status or turn changes; only subscribed sessions are looked at, once a second, so an idle
// server reads nothing.
using System.Collections.Concurrent;
using System.Text;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Zwarm.Core.Sessions;
using Zwarm.Orchestration.Tools;

namespace Zwarm.Mcp;

public sealed partial class ZwarmMcpServer
{
    /// <summary>Subscribed URI -> its session id and the status and turn last told (or seen at subscription).</summary>
    private readonly ConcurrentDictionary<string, (string Id, SessionStatus Status, int Turn)> _subscribed = new(StringComparer.Ordinal);

    private async ValueTask<ListResourcesResult> ListResourcesAsync(RequestContext<ListResourcesRequestParams> request,
        CancellationToken cancellationToken)
    {
        var tools = ToolsFor(request.Server);
        var listing = await _sessions.ListAsync(cancellationToken).ConfigureAwait(false);
        var resources = new List<Resource>();
        foreach (var s in listing.Sessions.Where(s => !_settings.OwnOnly || tools.IsOwn(s.Source)))
        {
            var label = $"{SessionTools.ShortId(s.Id)} {s.Status.ToName()}: {SessionTools.Short(s.Task.ReplaceLineEndings(" "), 60)}";
            resources.Add(new Resource { Uri = SessionUris.Session(s.Id), Name = label, MimeType = "application/json",
                Description = $"{s.Adapter} session, {s.Turns} turn(s), source {s.Source}" });
            for (var n = 1; n <= s.Turns; n++)
            {
                resources.Add(new Resource { Uri = SessionUris.Turn(s.Id, n), Name = $"{SessionTools.ShortId(s.Id)} turn {n}", MimeType = "text/plain" });
            }
        }
        return new ListResourcesResult { Resources = resources };
    }

    private static ListResourceTemplatesResult ListResourceTemplates() => new()
    {
        ResourceTemplates =
        [
            new ResourceTemplate { Name = "session", UriTemplate = SessionUris.SessionTemplate, MimeType = "application/json",
                Description = "A session: status, adapter, task, the full last reply, turns, tokens, cost, files changed." },
            new ResourceTemplate { Name = "turn", UriTemplate = SessionUris.TurnTemplate, MimeType = "text/plain",
                Description = "One turn of a session, step by step (messages, commands and their exit codes, file changes)." },
        ],
    };

    private async ValueTask<ReadResourceResult> ReadResourceAsync(RequestContext<ReadResourceRequestParams> request,
        CancellationToken cancellationToken)
    {
        var uri = request.Params?.Uri;
        if (!SessionUris.TryParse(uri, out var id, out var turn))
        {
            throw new McpProtocolException($"not a zwarm session resource: {uri}", McpErrorCode.ResourceNotFound);
        }
        var tools = ToolsFor(request.Server);
        SessionMeta meta;
        try
        {
            meta = await _sessions.GetAsync(id, cancellationToken).ConfigureAwait(false);
        }
        catch (Zwarm.Core.ZwarmException e)
        {
            throw new McpProtocolException(e.Message, McpErrorCode.ResourceNotFound);
        }
        if (turn is not { } n)
        {
            var report = SessionTools.Serialize(tools.Report(meta), ToolJsonContext.Compact.SessionReport);
            return new ReadResourceResult { Contents = [new TextResourceContents { Uri = uri!, MimeType = "application/json", Text = report }] };
        }
        if (n > meta.Turn)
        {
            throw new McpProtocolException($"session {SessionTools.ShortId(meta.Id)} has {meta.Turn} turn(s)", McpErrorCode.ResourceNotFound);
        }
        var text = new StringBuilder();
        text.AppendLine($"session {meta.Id} turn {n} ({(n == meta.Turn ? meta.Status.ToName() : meta.Turns.ElementAtOrDefault(n - 1)?.Status.ToName() ?? "?")})");
        text.AppendLine($"prompt: {meta.Turns.ElementAtOrDefault(n - 1)?.Prompt ?? meta.Task}");
        foreach (var step in GetTrajectoryTool.Steps(_sessions, meta, [n], full: false))
        {
            text.AppendLine(SessionTools.Describe(step));
            if (step.Kind == "command" && !string.IsNullOrEmpty(step.Output))
            {
                text.AppendLine("  " + step.Output.TrimEnd().ReplaceLineEndings("\n  "));
            }
        }
        return new ReadResourceResult { Contents = [new TextResourceContents { Uri = uri!, MimeType = "text/plain", Text = text.ToString() }] };
    }

    private async ValueTask<EmptyResult> SubscribeAsync(string? uri, CancellationToken cancellationToken)
    {
        if (!SessionUris.TryParse(uri, out var id, out _))
        {
            throw new McpProtocolException($"not a zwarm session resource: {uri}", McpErrorCode.ResourceNotFound);
        }
        SessionMeta meta;
        try
        {
            meta = await _sessions.GetAsync(id, cancellationToken).ConfigureAwait(false);
        }
        catch (Zwarm.Core.ZwarmException e)
        {
            throw new McpProtocolException(e.Message, McpErrorCode.ResourceNotFound);
        }
        _subscribed[uri!] = (meta.Id, meta.Status, meta.Turn);
        return new EmptyResult();
    }

    private EmptyResult Unsubscribe(string? uri)
    {
        if (uri is not null)
        {
            _subscribed.TryRemove(uri, out _);
        }
        return new EmptyResult();
    }

    /// <summary>Sends resources/updated for each subscribed URI whose session changed status or turn.</summary>
    private async Task WatchSubscriptionsAsync(McpServer server, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_settings.StatusPoll, _sessions.Context.Time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                foreach (var (uri, before) in _subscribed)
                {
                    SessionMeta meta;
                    try
                    {
                        meta = await _sessions.GetAsync(before.Id, cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception e) when (e is Zwarm.Core.ZwarmException or IOException or CorruptSessionException)
                    {
                        continue;
                    }
                    if ((meta.Status, meta.Turn) == (before.Status, before.Turn)
                        || !_subscribed.TryUpdate(uri, (before.Id, meta.Status, meta.Turn), before))
                    {
                        continue;
                    }
                    await server.SendNotificationAsync(NotificationMethods.ResourceUpdatedNotification,
                        new ResourceUpdatedNotificationParams { Uri = uri }, McpJsonUtilities.DefaultOptions, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The client is gone; the server is ending.
        }
    }
}
