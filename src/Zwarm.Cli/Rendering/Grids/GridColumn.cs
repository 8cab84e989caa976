namespace Zwarm.Cli.Rendering.Grids;

/// <summary>One column of a <see cref="TextGrid"/>.</summary>
/// <param name="Header">The header text (upper case by convention, like `docker ps`).</param>
/// <param name="HidePriority">0: never hidden. Otherwise, when the row does not fit the terminal, the visible column
/// with the highest number is hidden first; optional extras (a branch, a diff stat) take high numbers.</param>
/// <param name="MinWidth">Null: the column keeps its natural width. Otherwise it may be shortened (with "…") down
/// to this width before any column is hidden; the rightmost shrinkable column is shortened first.</param>
/// <param name="RightAligned">Numbers are right-aligned.</param>
/// <param name="OmitWhenEmpty">Left out entirely when no row has a value (e.g. a branch column when no session has
/// a worktree).</param>
internal sealed record GridColumn(string Header, int HidePriority = 0, int? MinWidth = null, bool RightAligned = false,
    bool OmitWhenEmpty = false);
