// Optional OpenTelemetry tracing (in place of the Python zwarm's Weave): spans for each step, tool call and watcher
// run, plus M.E.AI's gen_ai spans for each LLM call, exported over OTLP to orchestrator.otlp_endpoint.
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Zwarm.Orchestration.Telemetry;

internal static class Tracing
{
    /// <summary>Starts exporting traces; dispose the result to flush and stop. Null when <paramref name="endpoint"/> is null.</summary>
    public static IDisposable? Start(string? endpoint, string protocol, string instanceId)
    {
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return null;
        }
        var http = protocol == "http/protobuf";
        var uri = new Uri(endpoint);
        if (http && uri.AbsolutePath is "" or "/")
        {
            // Set in code, the HTTP exporter posts to the endpoint exactly as given; traces live under /v1/traces.
            uri = new Uri(uri, "/v1/traces");
        }
        return Sdk.CreateTracerProviderBuilder()
            .ConfigureResource(r => r.AddService("zwarm", serviceInstanceId: instanceId))
            .AddSource(OrchestrationTelemetry.SourceName, OrchestrationTelemetry.LlmSourceName)
            .AddOtlpExporter(o =>
            {
                o.Endpoint = uri;
                o.Protocol = http ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
            })
            .Build();
    }
}
