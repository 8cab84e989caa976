using RadLine;

namespace Zwarm.Cli.Interactive.Editor;

/// <summary>
/// Tab / Shift-Tab: asks <see cref="TabCompletion"/> and rewrites the line. With several candidates the line is
/// given up (not submitted) so the reader can list them under it and prompt again with the same text.
/// </summary>
internal sealed class CompleteCommand(TabCompletion completion, EditorSignals signals, bool backwards) : LineEditorCommand
{
    public override void Execute(LineEditorContext context)
    {
        if (completion.Press(context.Buffer.Content, context.Buffer.Position, backwards) is not { } result)
        {
            return;
        }
        BufferEdits.Replace(context.Buffer, result.Line, result.Cursor);
        if (result.Listing is { Count: > 1 } listing)
        {
            signals.Listing = listing;
            signals.Resume = result.Line;
            context.Submit(SubmitAction.Cancel);
        }
    }
}
