namespace Zwarm.Orchestration.Tools;

/// <summary>The names of the tools the LLM is offered (what it calls, what events and watchers refer to).</summary>
public static class ToolNames
{
    public const string Delegate = "delegate";
    public const string Converse = "converse";
    public const string CheckSession = "check_session";
    public const string PeekSession = "peek_session";
    public const string GetTrajectory = "get_trajectory";
    public const string ListSessions = "list_sessions";
    public const string EndSession = "end_session";
    public const string DiffSession = "diff_session";
    public const string MergeSession = "merge_session";
    public const string DiscardSession = "discard_session";
    public const string WaitForSessions = "wait_for_sessions";
    public const string Sleep = "sleep";
    public const string Bash = "bash";
    public const string Exit = "exit";

    /// <summary>Tools that only look at sessions or wait: using them is not drifting from delegation.</summary>
    public static bool IsPolling(string name) => name is CheckSession or PeekSession or GetTrajectory or ListSessions
        or WaitForSessions or Sleep or DiffSession;

    /// <summary>Tools that hand work to an agent session.</summary>
    public static bool IsDelegating(string name) => name is Delegate or Converse;
}
