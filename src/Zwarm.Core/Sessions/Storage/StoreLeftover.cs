namespace Zwarm.Core.Sessions;

/// <summary>A folder in sessions/ that is no usable session: half-made (no meta.json) or half-deleted (`.deleting-*`).</summary>
public sealed record StoreLeftover(string Name, string Path, LeftoverKind Kind, DateTimeOffset ModifiedAt)
{
    public string Reason => Kind == LeftoverKind.HalfDeleted ? "left half-deleted by an interrupted rm" : "no meta.json (a spawn that never finished)";
}
