using RadLine;

namespace Zwarm.Cli.Interactive.Editor;

internal static class BufferEdits
{
    /// <summary>Replaces the whole line and puts the cursor at <paramref name="cursor"/>.</summary>
    public static void Replace(LineBuffer buffer, string content, int cursor)
    {
        buffer.Move(0);
        buffer.Clear(0, buffer.Length);
        buffer.Insert(content);
        buffer.Move(Math.Clamp(cursor, 0, content.Length));
    }
}
