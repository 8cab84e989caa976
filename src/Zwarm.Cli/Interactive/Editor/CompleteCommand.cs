using RadLine;

namespace Zwarm.Cli.Interactive.Editor;

/// <summary>Tab / Shift-Tab: asks <see cref="TabCompletion"/> and rewrites the line.</summary>
internal sealed class CompleteCommand(TabCompletion completion, bool backwards) : LineEditorCommand
{
    public override void Execute(LineEditorContext context)
    {
        if (completion.Press(context.Buffer.Content, context.Buffer.Position, backwards) is { } result)
        {
            BufferEdits.Replace(context.Buffer, result.Line, result.Cursor);
        }
    }
}
