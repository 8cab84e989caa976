namespace Zwarm.Orchestration.Pilot;

/// <summary>
/// What to open: a new pilot conversation (named <see cref="InstanceId"/>, or a random id), or with
/// <see cref="Resume"/> a saved one (<see cref="InstanceId"/> or a prefix; default: the newest pilot instance).
/// </summary>
public sealed record PilotRequest
{
    public string? InstanceId { get; init; }

    public bool Resume { get; init; }

    /// <summary>Model calls allowed per turn (default: pilot.max_steps_per_turn).</summary>
    public int? MaxStepsPerTurn { get; init; }

    /// <summary>Offer bash (default: pilot.bash).</summary>
    public bool? Bash { get; init; }
}
