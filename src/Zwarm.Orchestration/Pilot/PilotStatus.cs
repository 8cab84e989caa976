using Zwarm.Core.Events;

namespace Zwarm.Orchestration.Pilot;

/// <summary>Where a pilot conversation stands (for `:status`).</summary>
/// <param name="ContextTokens">The context at the head: the provider's last count, else an estimate.</param>
public sealed record PilotStatus(string InstanceId, string Model, string Endpoint, int Head, int Latest, int Messages, int Steps,
    TokenUsage Usage, decimal? CostUsd, long ContextTokens, int ContextWindow);
