namespace Zwarm.Cli.Interactive.Editor;

/// <summary>
/// Why the line editor gave up its line without a submit: Ctrl-D (leave), Ctrl-C on an empty line, or Tab with
/// candidates to list (then the line to prompt with again).
/// </summary>
internal sealed class EditorSignals
{
    public bool EndOfInput { get; set; }

    public bool Interrupted { get; set; }

    public IReadOnlyList<string>? Listing { get; set; }

    public string? Resume { get; set; }

    public void Reset()
    {
        EndOfInput = false;
        Interrupted = false;
        Listing = null;
        Resume = null;
    }
}
