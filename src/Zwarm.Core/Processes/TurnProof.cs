namespace Zwarm.Core.Processes;

/// <summary>
/// What /proc says about a turn handle: a live process that provably belongs to the turn (null when none), and, when
/// a live process sits at the recorded pid but fails the proof, why it was not taken for the turn's.
/// </summary>
internal sealed record TurnProof(ProcessStat? Witness, string? Refusal)
{
    public static readonly TurnProof Gone = new(null, null);

    public bool IsAlive => Witness is not null;

    public static TurnProof Refused(string reason) => new(null, reason);
}
