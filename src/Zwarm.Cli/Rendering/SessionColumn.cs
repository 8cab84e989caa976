using Zwarm.Cli.Rendering.Grids;
using Zwarm.Core.Sessions;

namespace Zwarm.Cli.Rendering;

/// <summary>A column of the sessions table: how it is laid out, and its cell for a session at a given time.</summary>
internal sealed record SessionColumn(GridColumn Column, Func<SessionSummary, DateTimeOffset, GridCell> Cell);
