// The `delegate-parallel` prompt: how to split a task into independent sub-tasks, delegate them at once, wait, and
// verify each result before accepting it.
using ModelContextProtocol.Protocol;

namespace Zwarm.Mcp;

internal static class DelegateParallelPrompt
{
    public const string Name = "delegate-parallel";

    public static Prompt Declaration { get; } = new()
    {
        Name = Name,
        Description = "Split a task into independent sub-tasks, run them as parallel zwarm sessions, and verify the results.",
        Arguments = [new PromptArgument { Name = "task", Description = "The overall task to split and delegate.", Required = true }],
    };

    public static GetPromptResult Render(string task) => new()
    {
        Description = Declaration.Description,
        Messages =
        [
            new PromptMessage
            {
                Role = Role.User,
                Content = new TextContentBlock
                {
                    Text =
                        $"""
                        Do this task by delegating to background coding-agent sessions with the zwarm tools:

                        {task}

                        1. Split it into sub-tasks that can be done independently: ones that touch different files or
                           modules, so parallel agents do not edit the same lines. Keep dependent steps in one sub-task.
                        2. For each sub-task call `delegate` with a complete spec: the goal, the files involved, the
                           constraints, and how to verify it (the tests or commands that must pass). The agent sees
                           nothing of this conversation. Start all independent sub-tasks before waiting.
                        3. Call `wait_for_sessions`; if it returns with sessions still running, call it again.
                        4. Read each finished session with `check_session` (its last reply, files changed, errors). If a
                           result is wrong or incomplete, send a correction with `converse` and wait again.
                        5. Verify the combined result yourself (run the tests) before reporting; `end_session` sessions
                           you no longer need.
                        """,
                },
            },
        ],
    };
}
