// tools/list and tools/call: the offered SessionTools as MCP tools. A tool's mistakes (bad arguments, unknown ids,
// refusals) are results with isError, exactly the JSON the orchestrator's model gets. wait_for_sessions reports
// progress while it blocks and stops when the client cancels the request.
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Zwarm.Core.Sessions;
using Zwarm.Orchestration.Tools;

namespace Zwarm.Mcp;

public sealed partial class ZwarmMcpServer
{
    private ListToolsResult ListTools(McpServer server)
    {
        var tools = ToolsFor(server);
        return new ListToolsResult
        {
            Tools = [.. tools.Offered.Select(t => new Tool
            {
                Name = t.Name,
                Description = t.Describe(tools.Options),
                InputSchema = t.Schema(tools),
                Annotations = new ToolAnnotations
                {
                    ReadOnlyHint = t.Kind == ToolKind.Inspect,
                    DestructiveHint = t.Name == ToolNames.EndSession,
                    OpenWorldHint = false,
                },
            })],
        };
    }

    private async ValueTask<CallToolResult> CallToolAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken)
    {
        var tools = ToolsFor(request.Server);
        var call = request.Params ?? throw new McpProtocolException("tools/call without parameters", McpErrorCode.InvalidParams);
        var arguments = call.Arguments?.ToDictionary(kv => kv.Key, kv => (object?)kv.Value);
        using var progress = call.Name == ToolNames.WaitForSessions && call.ProgressToken is { } token
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken)
            : null;
        var reporting = progress is null ? Task.CompletedTask : ReportProgressAsync(request.Server, call.ProgressToken!.Value, progress.Token);
        ToolOutcome outcome;
        try
        {
            outcome = await tools.InvokeAsync(call.Name, arguments, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (progress is not null)
            {
                await progress.CancelAsync().ConfigureAwait(false);
                await reporting.ConfigureAwait(false);
            }
        }
        return new CallToolResult
        {
            Content = [new TextContentBlock { Text = outcome.ResultJson }],
            IsError = outcome.IsError,
        };
    }

    /// <summary>Every few seconds while a wait blocks: how long it has waited and how many sessions still run.</summary>
    private async Task ReportProgressAsync(McpServer server, ProgressToken token, CancellationToken cancellationToken)
    {
        var time = _sessions.Context.Time;
        var started = time.GetTimestamp();
        using var timer = new PeriodicTimer(_settings.ProgressInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                var listing = await _sessions.ListAsync(cancellationToken).ConfigureAwait(false);
                var running = listing.Sessions.Count(s => s.Source.StartsWith(SourcePrefix, StringComparison.Ordinal) && !s.Status.IsStopped());
                var waited = time.GetElapsedTime(started).TotalSeconds;
                await server.NotifyProgressAsync(token, new ProgressNotificationValue
                {
                    Progress = (float)waited,
                    Total = (float)_settings.WaitCap.TotalSeconds,
                    Message = $"waited {waited:0}s; {running} MCP session(s) running",
                }, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The client went away mid-wait: the wait itself ends with the request.
        }
    }
}
