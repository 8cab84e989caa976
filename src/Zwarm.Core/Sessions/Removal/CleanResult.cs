namespace Zwarm.Core.Sessions;

/// <summary>What `clean` removed (or, on a dry run, would remove): old stopped sessions and stale leftovers.</summary>
public sealed record CleanResult(IReadOnlyList<SessionSummary> Sessions, IReadOnlyList<StoreLeftover> Leftovers);
