using RadLine;

namespace Zwarm.Cli.Interactive.Editor;

/// <summary>Ctrl-C (and Ctrl-U): clears the line; on an empty line, gives it up so the REPL can say how to leave.</summary>
internal sealed class ClearLineCommand(EditorSignals signals, bool signalWhenEmpty) : LineEditorCommand
{
    public override void Execute(LineEditorContext context)
    {
        if (context.Buffer.Length > 0)
        {
            BufferEdits.Replace(context.Buffer, "", 0);
            return;
        }
        if (signalWhenEmpty)
        {
            signals.Interrupted = true;
            context.Submit(SubmitAction.Cancel);
        }
    }
}
