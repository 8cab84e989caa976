using RadLine;

namespace Zwarm.Cli.Interactive.Editor;

/// <summary>Ctrl-A / Ctrl-E: to the start or the end of the line.</summary>
internal sealed class MoveToCommand(bool end) : LineEditorCommand
{
    public override void Execute(LineEditorContext context) =>
        context.Buffer.Move(end ? context.Buffer.Length : 0);
}
