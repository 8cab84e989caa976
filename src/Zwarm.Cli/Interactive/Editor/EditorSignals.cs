namespace Zwarm.Cli.Interactive.Editor;

/// <summary>Why the line editor gave up its line without a submit: Ctrl-D (leave) or Ctrl-C on an empty line.</summary>
internal sealed class EditorSignals
{
    public bool EndOfInput { get; set; }

    public bool Interrupted { get; set; }

    public void Reset()
    {
        EndOfInput = false;
        Interrupted = false;
    }
}
