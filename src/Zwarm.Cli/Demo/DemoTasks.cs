// What the demo asks the agents to do. The demo model (ScriptedModels' DemoScript) runs the command in backticks
// through the CLI's own shell tool and reports its output, so each session does real, visible work in the workspace.
namespace Zwarm.Cli.Demo;

internal static class DemoTasks
{
    // No single quotes inside, so each task reads naturally as a single-quoted shell argument in the narration.
    public static readonly string[] Codex =
    [
        "Start a todo list: `printf \"write the spec\\nbuild it\\nship it\\n\" > todo.txt && wc -l todo.txt`",
        "Scaffold a tiny app: `mkdir -p app && echo \"print(6 * 7)\" > app/main.py && ls -l app`",
        "Note where we run: `uname -sm > system.txt && echo \"workspace: $(pwd)\" >> system.txt && cat system.txt`",
    ];

    /// <summary>Claude Code's workspace-write mode (acceptEdits) allows simple file commands like this one.</summary>
    public const string Claude = "Leave a note from Claude Code: `echo \"hello from Claude Code\" > claude.txt && cat claude.txt`";

    /// <summary>No command: the model answers from the conversation it resumed, quoting turn 1.</summary>
    public const string FollowUp = "What did I ask you to do before?";
}
