namespace Zwarm.Cli.Completion;

/// <summary>Which sessions an id argument offers first: every session, the running ones (kill, watch) or the stopped ones (continue).</summary>
internal enum SessionPreference
{
    Any,
    Running,
    Stopped,
}
