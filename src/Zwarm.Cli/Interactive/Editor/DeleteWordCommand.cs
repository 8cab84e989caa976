using RadLine;

namespace Zwarm.Cli.Interactive.Editor;

/// <summary>Ctrl-W: deletes the word before the cursor (and the blanks after it), as in a shell.</summary>
internal sealed class DeleteWordCommand : LineEditorCommand
{
    public override void Execute(LineEditorContext context)
    {
        var buffer = context.Buffer;
        var content = buffer.Content;
        var end = buffer.Position;
        var start = end;
        while (start > 0 && content[start - 1] == ' ')
        {
            start--;
        }
        while (start > 0 && content[start - 1] != ' ')
        {
            start--;
        }
        if (start < end)
        {
            BufferEdits.Replace(buffer, content[..start] + content[end..], start);
        }
    }
}
