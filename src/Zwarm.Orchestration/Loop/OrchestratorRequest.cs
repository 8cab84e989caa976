namespace Zwarm.Orchestration.Loop;

/// <summary>
/// What to run: a new instance for <see cref="Task"/>, or (<see cref="Resume"/>) the saved instance
/// <see cref="InstanceId"/>, optionally with a new instruction in <see cref="Task"/>.
/// </summary>
public sealed record OrchestratorRequest
{
    public string? Task { get; init; }

    /// <summary>New run: the id to give the instance (default: a random one). Resume: the instance (or a prefix).</summary>
    public string? InstanceId { get; init; }

    public bool Resume { get; init; }

    /// <summary>Step limit of this run (default: orchestrator.max_steps).</summary>
    public int? MaxSteps { get; init; }
}
