using RadLine;

namespace Zwarm.Cli.Interactive.Editor;

/// <summary>Ctrl-D: leaves the REPL on an empty line; otherwise deletes the character under the cursor.</summary>
internal sealed class EndOfInputCommand(EditorSignals signals) : LineEditorCommand
{
    public override void Execute(LineEditorContext context)
    {
        if (context.Buffer.Length == 0)
        {
            signals.EndOfInput = true;
            context.Submit(SubmitAction.Cancel);
            return;
        }
        context.Buffer.Clear(context.Buffer.Position, 1);
    }
}
