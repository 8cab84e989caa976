// [orchestrator]: the LLM, the loop's limits, what the tools may do, compaction and tracing.
using Zwarm.Core.Config;
using Zwarm.Orchestration.Compaction;
using Zwarm.Orchestration.Llm;

namespace Zwarm.Orchestration.Config;

public sealed record OrchestratorSettings
{
    public LlmSettings Llm { get; init; } = new();

    /// <summary>Step limit of one run (`--max-steps`).</summary>
    public int MaxSteps { get; init; } = 50;

    /// <summary>Sessions of one instance that may run at once; delegate/converse beyond it are refused.</summary>
    public int MaxRunningSessions { get; init; } = 8;

    /// <summary>Directories delegated work may run in (relative to the project directory); subfolders included.</summary>
    public IReadOnlyList<string> AllowedDirs { get; init; } = ["."];

    public bool BashEnabled { get; init; } = true;

    /// <summary>Offer bash (here, in pilot and `zwarm mcp --bash`) where it cannot be made read-only (no Landlock).</summary>
    public bool BashUnsandboxed { get; init; }

    public TimeSpan BashTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Characters of bash stdout/stderr returned to the model (the tail is kept).</summary>
    public int BashMaxOutputChars { get; init; } = 16_000;

    /// <summary>Longest wait_for_sessions timeout the model may ask for.</summary>
    public TimeSpan MaxWait { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Longest sleep the model may ask for.</summary>
    public TimeSpan MaxSleep { get; init; } = TimeSpan.FromMinutes(5);

    public CompactionSettings Compaction { get; init; } = new();

    /// <summary>OTLP endpoint for traces of steps, tool calls and LLM calls; null: no tracing.</summary>
    public string? OtlpEndpoint { get; init; }

    /// <summary>"grpc" or "http/protobuf".</summary>
    public string OtlpProtocol { get; init; } = "grpc";

    /// <summary>Extra instructions appended to the system prompt (house rules, repository conventions).</summary>
    public string? Instructions { get; init; }

    /// <summary>delegate's default isolation (`isolation`): auto = a worktree per delegated session inside a git repository.</summary>
    public Zwarm.Core.Config.IsolationMode Isolation { get; init; } = Zwarm.Core.Config.IsolationMode.Auto;

    public static OrchestratorSettings Read(ConfigSection? s)
    {
        var d = new OrchestratorSettings();
        if (s is null)
        {
            return d;
        }
        var protocol = s.GetString("otlp_protocol");
        if (protocol is not null && protocol is not ("grpc" or "http/protobuf"))
        {
            s.Error("otlp_protocol", "must be \"grpc\" or \"http/protobuf\"");
            protocol = null;
        }
        var otlp = s.GetString("otlp_endpoint");
        if (!string.IsNullOrWhiteSpace(otlp) && !Uri.TryCreate(otlp, UriKind.Absolute, out _))
        {
            s.Error("otlp_endpoint", "must be a URL such as http://localhost:4317");
            otlp = null;
        }
        var isolationName = s.GetString("isolation");
        var isolation = d.Isolation;
        if (isolationName is not null && !Zwarm.Core.Config.IsolationModes.TryParse(isolationName, out isolation))
        {
            s.Error("isolation", $"must be one of {string.Join(", ", Zwarm.Core.Config.IsolationModes.Names)}");
            isolation = d.Isolation;
        }
        var allowed = s.GetStringList("allowed_dirs");
        if (allowed is { Count: 0 })
        {
            s.Error("allowed_dirs", "must name at least one directory");
            allowed = null;
        }
        return d with
        {
            Llm = LlmSettings.Read(s, d.Llm),
            MaxSteps = SettingReader.Int(s, "max_steps", 1, 100_000) ?? d.MaxSteps,
            MaxRunningSessions = SettingReader.Int(s, "max_sessions", 1, 1000) ?? d.MaxRunningSessions,
            AllowedDirs = allowed ?? d.AllowedDirs,
            BashEnabled = s.GetBool("bash") ?? d.BashEnabled,
            BashUnsandboxed = s.GetBool(Tools.BashSandbox.OptInKey) ?? d.BashUnsandboxed,
            BashTimeout = SettingReader.Seconds(s, "bash_timeout_seconds", 1, 86_400) ?? d.BashTimeout,
            BashMaxOutputChars = SettingReader.Int(s, "bash_max_output_chars", 100, 10_000_000) ?? d.BashMaxOutputChars,
            MaxWait = SettingReader.Seconds(s, "max_wait_seconds", 1, 86_400) ?? d.MaxWait,
            MaxSleep = SettingReader.Seconds(s, "max_sleep_seconds", 1, 86_400) ?? d.MaxSleep,
            Compaction = new CompactionSettings
            {
                Enabled = s.GetBool("compaction") ?? d.Compaction.Enabled,
                ContextWindow = SettingReader.Int(s, "context_window", 1_000, 100_000_000) ?? d.Compaction.ContextWindow,
                Threshold = SettingReader.Number(s, "compaction_threshold", 0.05, 1.0) ?? d.Compaction.Threshold,
                Target = SettingReader.Number(s, "compaction_target", 0.05, 1.0) ?? d.Compaction.Target,
                KeepLast = SettingReader.Int(s, "keep_last", 1, 10_000) ?? d.Compaction.KeepLast,
            },
            OtlpEndpoint = string.IsNullOrWhiteSpace(otlp) ? null : otlp.Trim(),
            OtlpProtocol = protocol ?? d.OtlpProtocol,
            Instructions = string.IsNullOrWhiteSpace(s.GetString("instructions")) ? null : s.GetString("instructions"),
            Isolation = isolation,
        };
    }
}
