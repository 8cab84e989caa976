// The commented [orchestrator], [watchers.*] and [pilot] sections `zwarm init` writes: every key with its default.
// A test uncomments every key line and checks the result is accepted, so this text cannot drift from the readers.
namespace Zwarm.Orchestration.Config;

public static class OrchestrationConfigTemplate
{
    public static IReadOnlyList<string> Sections { get; } = [Orchestrator, Watchers, Pilot];

    public const string Orchestrator = """
        [orchestrator]
        # The LLM of `zwarm orchestrate`: "openai" (Responses API), "openai-chat" (Chat Completions: any
        # OpenAI-compatible server such as Ollama, vLLM or LM Studio) or "anthropic" (Messages API).
        # provider = "openai"
        # Model; empty uses the provider's default (openai: gpt-5.5, anthropic: claude-sonnet-4-6).
        # model = ""
        # Endpoint; empty uses $OPENAI_BASE_URL / $ANTHROPIC_BASE_URL, else the provider's public API.
        # base_url = ""
        # Variable holding the API key; empty uses OPENAI_API_KEY / ANTHROPIC_API_KEY.
        # api_key_env = ""
        # Reasoning effort: "none", "low", "medium", "high" or "xhigh"; empty leaves the model's default.
        # reasoning_effort = ""
        # Longest reply in tokens; 0 uses the provider's default (8192 for anthropic).
        # max_output_tokens = 0
        # Stream replies (text and tool calls show as they are generated).
        # stream = true
        # Retries of a failed request (connection errors, 429, 5xx) and the time limit of one request.
        # max_retries = 2
        # request_timeout_seconds = 300
        # Step limit of one run (--max-steps). A step is one model call and its tool calls.
        # max_steps = 50
        # Sessions of one run that may be running at the same time.
        # max_sessions = 8
        # Directories delegated sessions may work in (relative to the project directory, subfolders included).
        # allowed_dirs = ["."]
        # delegate's default isolation: "auto" (a git worktree per delegated session inside a git repository with a
        # commit), "worktree" or "none"; review with diff_session, then merge_session or discard_session.
        # isolation = "auto"
        # Offer the bash tool for read-only checks (tests, git status), its time limit and output cap.
        # bash = true
        # bash_timeout_seconds = 120
        # bash_max_output_chars = 16000
        # bash runs read-only (Landlock, Linux 5.13+: writes fail outside a scratch dir). Where that cannot be
        # enforced, bash is not offered (here, in pilot, or by `zwarm mcp --bash`) unless this is true.
        # bash_unsandboxed = false
        # Longest wait_for_sessions and sleep the model may ask for.
        # max_wait_seconds = 1800
        # max_sleep_seconds = 300
        # Context compaction: when the conversation passes compaction_threshold of context_window (tokens), the
        # oldest middle messages are dropped (a tool call always with its result) down to compaction_target of
        # the threshold, keeping the system prompt, the task and the last keep_last messages.
        # compaction = true
        # context_window = 200000
        # compaction_threshold = 0.8
        # compaction_target = 0.5
        # keep_last = 20
        # OpenTelemetry traces of runs, steps, tool calls and LLM calls; empty: no tracing.
        # otlp_endpoint = ""
        # otlp_protocol = "grpc"
        # Extra instructions appended to the orchestrator's system prompt.
        # instructions = ""
        """;

    public const string Watchers = """
        # Watchers look at the run before every step and answer continue, nudge (guidance injected as
        # "[WATCHER: name] ..."), pause or abort; the most severe answer wins, then the higher priority.
        [watchers]
        # enabled = true

        # The same tool call with the same result again and again, or many steps with nothing changing.
        [watchers.progress]
        # enabled = true
        # priority = 50
        # max_repeats = 3
        # abort_repeats = 0             # 0: never abort
        # stall_steps = 12              # 0: off

        # Limits over the whole instance (resumes included); 0 turns a limit off. Tokens and cost include the
        # sessions the orchestrator started. A warning nudge comes at warn_at of a limit (and of the run's steps).
        [watchers.budget]
        # enabled = true
        # priority = 100
        # max_steps = 0
        # max_tokens = 0
        # max_cost_usd = 25.0
        # max_sessions = 20
        # warn_at = 0.8

        # Keywords the run must stay away from (in the orchestrator's replies, delegated tasks, bash commands).
        [watchers.scope]
        # enabled = true
        # priority = 60
        # keywords = []
        # action = "nudge"

        # Regular expressions over each step. Add rules as tables:
        #   [watchers.pattern.rules.no_force_push]
        #   regex = "git push (-f|--force)"
        #   action = "abort"                 # continue | nudge | pause | abort
        #   target = "all"                   # all | text | tool_calls | tool_results | bash
        #   message = "Never force-push."
        [watchers.pattern]
        # enabled = true
        # priority = 70

        # The orchestrator changing files itself through bash instead of delegating.
        [watchers.delegation]
        # enabled = true
        # priority = 80
        # action = "nudge"
        # abort_after = 0               # abort after this many such commands; 0: never

        # Many steps of the orchestrator's own work without delegating (waiting and polling do not count).
        [watchers.delegation_reminder]
        # enabled = true
        # priority = 40
        # steps = 8

        # A cheap model reviews the recent trajectory every few steps. Unset LLM keys follow [orchestrator]; the
        # model defaults to a small one of the same provider (openai: gpt-5.4-mini, anthropic: claude-haiku-4-5).
        [watchers.llm]
        # enabled = false
        # priority = 30
        # every = 10
        # last_messages = 30
        # provider = "openai"
        # model = ""
        # base_url = ""
        """;

    public const string Pilot = """
        # `zwarm pilot`: you chat with an LLM that drives sessions for you, with checkpoints T1, T2, ... after each
        # turn (:goto T<n> rewinds). Unset LLM keys follow [orchestrator]; naming another provider here starts from
        # that provider's defaults. Its context window and compaction follow [orchestrator] too.
        [pilot]
        # Model calls (with their tool calls) allowed for one of your messages (--max-steps-per-turn).
        # max_steps_per_turn = 25
        # Offer the read-only bash tool in pilot (--bash).
        # bash = false
        # provider = "openai"
        # model = ""
        # base_url = ""
        # api_key_env = ""
        # reasoning_effort = ""
        # max_output_tokens = 0
        # stream = true
        """;
}
