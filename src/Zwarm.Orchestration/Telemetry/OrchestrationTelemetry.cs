// The activity sources zwarm traces through (steps, tool calls, watcher runs; LLM calls via M.E.AI's OpenTelemetry
// client). Nothing is recorded unless a tracer provider listens (orchestrator.otlp_endpoint set).
using System.Diagnostics;

namespace Zwarm.Orchestration.Telemetry;

internal static class OrchestrationTelemetry
{
    public const string SourceName = "Zwarm.Orchestration";

    public const string LlmSourceName = "Zwarm.Orchestration.Llm";

    public static ActivitySource Source { get; } = new(SourceName, typeof(OrchestrationTelemetry).Assembly.GetName().Version?.ToString());
}
