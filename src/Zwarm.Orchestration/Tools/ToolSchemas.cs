// The tool declarations offered to the LLM, with hand-written JSON schemas (no reflection, so Native AOT is happy
// and the descriptions say exactly what the model needs to know).
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Zwarm.Orchestration.Tools;

internal static class ToolSchemas
{
    public static AIFunctionDeclaration Delegate(IReadOnlyList<string> adapters, IReadOnlyList<string> sandboxes) => Declare(
        ToolNames.Delegate,
        "Start a new coding-agent session on a sub-task. Returns at once with the session id; the agent works in the " +
        "background. Write the task as a complete spec: goal, relevant files, constraints, and acceptance criteria " +
        "(e.g. which tests must pass). The agent sees nothing of this conversation.",
        $$"""
        {"type":"object","properties":{
          "task":{"type":"string","description":"The complete sub-task specification for the agent."},
          "adapter":{"type":"string","enum":{{Json(adapters)}},"description":"Which agent CLI runs it (default from config)."},
          "model":{"type":"string","description":"Model for the agent (default from config or the CLI's own)."},
          "working_dir":{"type":"string","description":"Directory the agent works in (default: the project directory). Must be inside the allowed directories."},
          "sandbox":{"type":"string","enum":{{Json(sandboxes)}},"description":"File-system access of the agent (default from config)."}
        },"required":["task"],"additionalProperties":false}
        """);

    public static AIFunctionDeclaration Converse { get; } = Declare(
        ToolNames.Converse,
        "Send a follow-up message to a stopped session (its turn has ended): a correction, a next step, a question. " +
        "The agent keeps its full context. Returns at once; the new turn runs in the background.",
        """
        {"type":"object","properties":{
          "session_id":{"type":"string","description":"Session id (or a unique prefix of it)."},
          "message":{"type":"string","description":"What the agent should do next."}
        },"required":["session_id","message"],"additionalProperties":false}
        """);

    public static AIFunctionDeclaration CheckSession { get; } = Declare(
        ToolNames.CheckSession,
        "Full status of a session: status, the complete last reply, turns, tokens, cost, errors, files changed and commands run in the latest turn.",
        IdSchema("id"));

    public static AIFunctionDeclaration PeekSession { get; } = Declare(
        ToolNames.PeekSession,
        "Quick look at a session: status and the start of its latest reply, or what it is doing right now.",
        IdSchema("id"));

    public static AIFunctionDeclaration GetTrajectory { get; } = Declare(
        ToolNames.GetTrajectory,
        "The step-by-step trajectory of a session (messages, reasoning, commands with output and exit codes, file changes, tool calls). " +
        "Long texts are shortened unless full is true.",
        """
        {"type":"object","properties":{
          "id":{"type":"string","description":"Session id (or a unique prefix of it)."},
          "full":{"type":"boolean","description":"Do not shorten long outputs (default false)."},
          "turn":{"type":"integer","description":"Only this turn (1-based); default all turns."}
        },"required":["id"],"additionalProperties":false}
        """);

    public static AIFunctionDeclaration ListSessions { get; } = Declare(
        ToolNames.ListSessions,
        "List your sessions with their status, and which need your attention (finished or failed turns you have not read with check_session).",
        """
        {"type":"object","properties":{
          "status":{"type":"string","enum":["pending","running","completed","failed","killed"],"description":"Only sessions with this status."},
          "all":{"type":"boolean","description":"Include sessions not started by you (default false)."}
        },"additionalProperties":false}
        """);

    public static AIFunctionDeclaration EndSession { get; } = Declare(
        ToolNames.EndSession,
        "End a session: stop it if it is running (its work so far is kept); with delete=true also remove its record.",
        """
        {"type":"object","properties":{
          "id":{"type":"string","description":"Session id (or a unique prefix of it)."},
          "reason":{"type":"string","description":"Why (recorded in the log)."},
          "delete":{"type":"boolean","description":"Also delete the session's record (default false)."}
        },"required":["id"],"additionalProperties":false}
        """);

    public static AIFunctionDeclaration WaitForSessions(TimeSpan max) => Declare(
        ToolNames.WaitForSessions,
        "Block until sessions stop (mode any: the first one; all: every one) or the timeout passes. Much better than " +
        "sleeping or polling: you are woken the moment a session finishes.",
        $$"""
        {"type":"object","properties":{
          "ids":{"type":"array","items":{"type":"string"},"description":"Session ids to wait for (default: all your running sessions)."},
          "mode":{"type":"string","enum":["any","all"],"description":"Return when any session stops (default) or when all have."},
          "timeout_seconds":{"type":"number","description":"Give up waiting after this long (default 300, at most {{(int)max.TotalSeconds}})."}
        },"additionalProperties":false}
        """);

    public static AIFunctionDeclaration Sleep(TimeSpan max) => Declare(
        ToolNames.Sleep,
        "Pause for a while, then report how many sessions are running. Prefer wait_for_sessions, which wakes you when something finishes.",
        $$"""
        {"type":"object","properties":{
          "seconds":{"type":"number","description":"How long to sleep (at most {{(int)max.TotalSeconds}})."}
        },"required":["seconds"],"additionalProperties":false}
        """);

    public static AIFunctionDeclaration Bash(TimeSpan timeout) => Declare(
        ToolNames.Bash,
        "Run a shell command in the project directory for READ-ONLY checks: run the tests, git status/diff/log, list or read files. " +
        "Never use it to write or change files: delegate changes to an agent session.",
        $$"""
        {"type":"object","properties":{
          "command":{"type":"string","description":"The command (run with bash -c)."},
          "timeout_seconds":{"type":"number","description":"Kill it after this long (default and maximum {{(int)timeout.TotalSeconds}})."}
        },"required":["command"],"additionalProperties":false}
        """);

    public static AIFunctionDeclaration Exit { get; } = Declare(
        ToolNames.Exit,
        "Finish the run. Call it only when the task is done and verified (or cannot be done); the summary is what the user reads.",
        """
        {"type":"object","properties":{
          "summary":{"type":"string","description":"What was done, how it was verified, and anything left open."}
        },"required":["summary"],"additionalProperties":false}
        """);

    private static string IdSchema(string name) => $$"""
        {"type":"object","properties":{
          "{{name}}":{"type":"string","description":"Session id (or a unique prefix of it)."}
        },"required":["{{name}}"],"additionalProperties":false}
        """;

    private static AIFunctionDeclaration Declare(string name, string description, string schema)
    {
        using var doc = JsonDocument.Parse(schema);
        return AIFunctionFactory.CreateDeclaration(name, description, doc.RootElement.Clone());
    }

    private static string Json(IReadOnlyList<string> values) =>
        "[" + string.Join(",", values.Select(v => JsonSerializer.Serialize(v, ToolJsonContext.Compact.String))) + "]";
}
