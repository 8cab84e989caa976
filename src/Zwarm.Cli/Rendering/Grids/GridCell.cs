using Spectre.Console;

namespace Zwarm.Cli.Rendering.Grids;

/// <summary>One cell: plain text (one line; line breaks become spaces) and an optional style.</summary>
internal readonly record struct GridCell(string Text, Style? Style = null)
{
    public static implicit operator GridCell(string text) => new(text);
}
