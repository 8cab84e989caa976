// The commented config.toml that `zwarm init` writes: every key, its default, and what it does.
namespace Zwarm.Core.Config;

public static class ConfigTemplate
{
    /// <summary>Sections other layers add (orchestrator, watchers, pilot), appended after the Core ones.</summary>
    public static string Build(IEnumerable<string>? extraSections = null) =>
        CoreSections + string.Concat((extraSections ?? []).Select(s => "\n" + s.TrimEnd() + "\n"));

    public const string CoreSections = """
        # zwarm configuration. Every key is optional; the values shown are the defaults.
        # Override any key for one command with: zwarm --set section.key=value ...
        # Unknown keys are reported as errors (a typo never silently does nothing).

        [executor]
        # Agent used by `spawn` / `delegate` when none is named: "codex" or "claude_code" (alias "claude").
        # adapter = "codex"
        # Model used when none is given; empty lets each CLI use its own default.
        # model = ""
        # Sandbox for new sessions: "read-only", "workspace-write" or "danger-full-access".
        # sandbox = "workspace-write"
        # Seconds `kill` waits after SIGINT (and again after SIGTERM) before escalating to SIGKILL.
        # kill_grace_seconds = 3
        # Where new sessions work: "none" (the directory they start in), "worktree" (a git worktree and branch of
        # their own; see docs/isolation.md) or "auto" (a worktree when inside a git repository with a commit).
        # spawn --worktree / --no-worktree override it for one session.
        # isolation = "none"

        # Isolated sessions (spawn --worktree). Needs git 2.38 or newer.
        [worktree]
        # Folder for the worktrees; empty = $XDG_DATA_HOME/zwarm/worktrees/<repository>-<hash>/ (outside your tree).
        # root = ""
        # Git-ignored paths copied into each new worktree (gitignore syntax), besides the repository's
        # .worktreeinclude file, e.g. [".env", "config/local.json"].
        # include = []
        # Shell command run in a new worktree before the agent starts (its output goes to the turn's stderr file;
        # its failure fails the turn), e.g. "npm ci".
        # setup = ""
        # Commit what the agent left in its worktree after every turn ("zwarm: turn N: <prompt>").
        # commit_turns = true

        # Per-agent settings. The agent process inherits zwarm's environment (API keys, CODEX_HOME,
        # ANTHROPIC_BASE_URL, ...), plus what is set here.
        # [adapters.codex]
        # executable = "codex"          # path or name on PATH
        # model = ""                    # default model for this agent
        # args = []                     # extra CLI arguments, e.g. ["-c", "model_reasoning_effort=high"]
        # [adapters.codex.env]
        # CODEX_HOME = "/path/to/codex-home"
        #
        # [adapters.claude_code]
        # executable = "claude"
        # model = ""
        # args = []
        # [adapters.claude_code.env]
        # ANTHROPIC_BASE_URL = "http://127.0.0.1:8080"

        # Prices in USD per 1M tokens, used for cost where the agent does not report one itself.
        # Built-in prices cover the common OpenAI and Anthropic models (see `zwarm models`).
        # [prices."my-model"]
        # input = 1.25
        # cached_input = 0.125
        # cache_write = 0.0
        # output = 10.0

        # Extra aliases for the price table: alias = "model id".
        # [price_aliases]
        # fast = "gpt-5.1-codex-mini"
        """;
}
