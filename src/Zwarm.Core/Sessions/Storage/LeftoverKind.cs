namespace Zwarm.Core.Sessions;

public enum LeftoverKind
{
    /// <summary>A session folder without meta.json.</summary>
    HalfMade,
    /// <summary>A `.deleting-*` folder an interrupted removal left behind.</summary>
    HalfDeleted,
}
