// wait_for_sessions: block until sessions stop (any / all) or the timeout passes: woken by the store, not polling.
using System.ComponentModel;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Zwarm.Core.Sessions;

namespace Zwarm.Orchestration.Tools;

internal sealed partial class WaitForSessionsTool : SessionTool<WaitForSessionsTool.Arguments>
{
    public sealed record Arguments
    {
        [Description("Session ids to wait for (default: all your running sessions).")]
        public IReadOnlyList<string>? Ids { get; init; }

        [Description("Return when any session stops (default) or when all have.")]
        public string? Mode { get; init; }

        [Description("Give up waiting after this long.")]
        public double? TimeoutSeconds { get; init; }
    }

    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
    [JsonSerializable(typeof(Arguments))]
    internal sealed partial class WaitForSessionsJson : JsonSerializerContext;

    public override string Name => ToolNames.WaitForSessions;

    public override ToolKind Kind => ToolKind.Inspect;

    protected override JsonTypeInfo<Arguments> ArgumentsType => WaitForSessionsJson.Default.Arguments;

    public override string Describe(SessionToolOptions options) =>
        "Block until sessions stop (mode any: the first one; all: every one) or the timeout passes. Much better than " +
        "sleeping or polling: you are woken the moment a session finishes." +
        (options.MaxWait < TimeSpan.FromMinutes(5) ? " If it times out with sessions still running, call it again." : "");

    protected override void Shape(JsonObject schema, SessionTools tools)
    {
        Enum(schema, "mode", ["any", "all"]);
        var o = tools.Options;
        if (schema["properties"]?["timeout_seconds"] is JsonObject timeout)
        {
            timeout["description"] = $"Give up waiting after this long (default {(int)o.DefaultWait.TotalSeconds}, at most {(int)o.MaxWait.TotalSeconds}).";
        }
    }

    protected override async Task<ToolOutcome> RunAsync(SessionTools tools, Arguments args, CancellationToken cancellationToken)
    {
        var options = tools.Options;
        var mode = (args.Mode ?? "any").ToLowerInvariant() switch
        {
            "any" => WaitMode.Any,
            "all" => WaitMode.All,
            _ => throw new ToolArgumentException("mode must be \"any\" or \"all\""),
        };
        var modeName = mode == WaitMode.Any ? "any" : "all";
        var timeout = options.DefaultWait;
        if (args.TimeoutSeconds is { } seconds)
        {
            timeout = seconds <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Min(seconds, options.MaxWait.TotalSeconds));
        }
        var ids = args.Ids?.Where(i => !string.IsNullOrWhiteSpace(i)).ToList();
        if (ids is null || ids.Count == 0)
        {
            ids = [.. (await tools.OwnSessionsAsync(cancellationToken).ConfigureAwait(false)).Where(s => !s.Status.IsStopped()).Select(s => s.Id)];
            if (ids.Count == 0)
            {
                var none = new WaitReport(false, 0, modeName, [], [], [], "None of your sessions is running: nothing to wait for.");
                return new ToolOutcome(SessionTools.Serialize(none, ToolJsonContext.Compact.WaitReport), false, "no running sessions");
            }
        }

        var time = tools.Sessions.Context.Time;
        var started = time.GetTimestamp();
        var waited = await tools.Sessions.WaitAsync(ids, mode, timeout, cancellationToken).ConfigureAwait(false);
        var elapsed = time.GetElapsedTime(started);
        var rows = waited.Sessions.Select(m => tools.Row(SessionSummaries.From(m))).ToList();
        var stopped = waited.Sessions.Where(m => m.Status.IsStopped()).Select(m => m.Id).ToList();
        var running = waited.Sessions.Where(m => !m.Status.IsStopped()).Select(m => m.Id).ToList();
        var next = stopped.Count > 0
            ? "Read the finished sessions' results with check_session before deciding what to do next."
            : "Nothing finished yet. Wait again, or look at what a session is doing with peek_session.";
        var report = new WaitReport(waited.TimedOut, Math.Round(elapsed.TotalSeconds, 1), modeName, rows, stopped, running, next);
        var summary = waited.TimedOut
            ? $"timed out after {elapsed.TotalSeconds:0}s; {running.Count} still running"
            : $"{stopped.Count} stopped ({string.Join(", ", waited.Sessions.Where(m => m.Status.IsStopped()).Select(m => $"{SessionTools.ShortId(m.Id)} {m.Status.ToName()}"))})" +
              (running.Count > 0 ? $", {running.Count} still running" : "");
        return new ToolOutcome(SessionTools.Serialize(report, ToolJsonContext.Compact.WaitReport), false, summary)
        {
            SessionIds = [.. waited.Sessions.Select(m => m.Id)],
        };
    }
}
