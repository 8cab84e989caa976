// The REPL's commands: the table (names, syntax, options, help) and, in the partial files beside this one, what
// each does. Every command calls the same SessionService the verbs call and prints through the verbs' renderers.
namespace Zwarm.Cli.Interactive;

internal sealed partial class ReplActions
{
    private static readonly ReplOption Adapter = new("--adapter", "-a", "A", "agent CLI: codex | claude_code (alias claude)", ValueKind.Adapter);
    private static readonly ReplOption Model = new("--model", "-m", "M", "model (default: config, else the CLI's own)", ValueKind.Model);
    private static readonly ReplOption Dir = new("--dir", "-C", "DIR", "working directory of the agent", ValueKind.Directory);
    private static readonly ReplOption Sandbox = new("--sandbox", "-s", "S", "read-only | workspace-write | danger-full-access", ValueKind.Sandbox);
    private static readonly ReplOption Wait = new("--wait", "-w", null, "wait for the turn to end and print the reply");
    private static readonly ReplOption Turn = new("--turn", null, "N", "only this turn (1-based)");

    private readonly ReplContext _context;

    public ReplActions(ReplContext context)
    {
        _context = context;
        Commands = BuildTable();
    }

    public IReadOnlyList<ReplCommand> Commands { get; }

    /// <summary>The command called <paramref name="name"/> (or with that alias), or null.</summary>
    public ReplCommand? Find(string name) =>
        Commands.FirstOrDefault(c => c.Names.Contains(name, StringComparer.OrdinalIgnoreCase));

    private IReadOnlyList<ReplCommand> BuildTable() =>
    [
        new("spawn", "spawn \"task\" [--adapter A] [--model M] [--dir DIR] [--sandbox S] [--wait]",
            "start a new session in the background", SpawnAsync)
        {
            Options = [Adapter, Model, Dir, Sandbox, Wait],
        },
        new("ls", "ls [--status S]", "list sessions", ListAsync)
        {
            Aliases = ["list"],
            Options = [new("--status", null, "S", "only pending | running | completed | failed | killed", ValueKind.Status)],
        },
        new("peek", "? ID  (or peek ID)", "status and latest reply of a session", PeekAsync)
        {
            Aliases = ["?"],
            Arguments = ValueKind.Session,
        },
        new("show", "show ID [--turn N] [--raw]", "details and every turn's messages, usage and cost", ShowAsync)
        {
            Options = [Turn, new("--raw", null, null, "the raw JSONL the agent wrote")],
            Arguments = ValueKind.Session,
        },
        new("traj", "traj ID [--full] [--turn N]", "the trajectory, step by step", TrajAsync)
        {
            Aliases = ["trajectory"],
            Options = [new("--full", null, null, "do not shorten long outputs and reasoning"), Turn],
            Arguments = ValueKind.Session,
        },
        new("continue", "c ID \"message\" [--wait]  (or continue ID ...)", "send a follow-up to a stopped session", ContinueAsync)
        {
            Aliases = ["c"],
            Options = [Wait],
            Arguments = ValueKind.StoppedSession,
        },
        new("watch", "watch ID", "follow the running turn live (any key or Ctrl-C stops watching)", WatchAsync)
        {
            Arguments = ValueKind.RunningSession,
        },
        new("wait", "wait ID... [--timeout T] [--any]", "wait for sessions to finish their turn", WaitAsync)
        {
            Options =
            [
                new("--timeout", "-t", "T", "give up after this long (90s, 10m)"),
                new("--any", null, null, "return when one session stops"),
            ],
            Arguments = ValueKind.Session,
            ManyArguments = true,
        },
        new("kill", "kill ID... | kill all", "stop running sessions (SIGINT, SIGTERM, then SIGKILL)", KillAsync)
        {
            Arguments = ValueKind.RunningOrAll,
            ManyArguments = true,
        },
        new("rm", "rm ID... [--force] | rm all [--force]", "delete sessions (all: every stopped one; --force kills running ones first)", RemoveAsync)
        {
            Options = [new("--force", "-f", null, "kill a running session before removing it")],
            Arguments = ValueKind.SessionOrAll,
            ManyArguments = true,
        },
        new("clean", "clean [--older-than D] [--dry-run]", "remove stopped sessions older than D (default 7d)", CleanAsync)
        {
            Options =
            [
                new("--older-than", null, "D", "age cutoff (7d, 12h, 0s)"),
                new("--dry-run", "-n", null, "only list what would be removed"),
            ],
        },
        new("models", "models [FILTER]", "known models, aliases and prices (USD per 1M tokens)", ModelsAsync)
        {
            Arguments = ValueKind.Model,
        },
        new("!", "!command", "run a shell command (/bin/sh -c) in the current directory", ShellAsync)
        {
            RawText = true,
        },
        new("help", "help [COMMAND]", "this list, or one command's options", HelpAsync)
        {
            Aliases = ["h"],
            Arguments = ValueKind.Command,
        },
        new("clear", "clear", "clear the screen", ClearAsync),
        new("quit", "quit [N]  (or exit, q, Ctrl-D)", "leave (with exit code N, default 0)", QuitAsync)
        {
            Aliases = ["exit", "q"],
        },
    ];
}
