// The real agent CLIs as the tests address them through zwarm: the adapter name on zwarm's command line and
// in meta.json, the config table naming its executable, the environment that points it at a scripted server, and
// what the tests expect of its usage and cost figures.
using Zwarm.ScriptedModels;
using Zwarm.ScriptedModels.Agents;
using Zwarm.ScriptedModels.Scripting;

namespace Zwarm.RealClients.Tests.Support;

public sealed record Agent(string Adapter, AgentCli Cli, string Model, decimal InputRate, decimal CachedRate, decimal OutputRate)
{
    /// <summary>Codex runs the model named in its config.toml (gpt-5.5); OpenAI list price $5 / $0.50 cached / $30 per 1M.</summary>
    public static readonly Agent Codex = new("codex", AgentCli.Codex, "gpt-5.5", 5m, 0.50m, 30m);

    /// <summary>
    /// Claude Code asks for claude-opus-5-5 when no model is set, and prices it itself (total_cost_usd) from its bundled
    /// catalog: $4 / $0.20 cache reads / $20 per 1M.
    /// </summary>
    public static readonly Agent Claude = new("claude_code", AgentCli.ClaudeCode, "claude-opus-5-5", 4m, 0.20m, 20m);

    /// <summary>
    /// Gemini CLI pinned to gemini-2.5-flash (GEMINI_MODEL; else "auto" adds a router request), priced by zwarm's table:
    /// $0.30 / $0.03 cached / $2.50 per 1M. Its shell tool exists only in yolo mode (danger-full-access); its stream
    /// never gives a command's exit code; a 401 exits 145 (the HTTP status mod 256).
    /// </summary>
    public static readonly Agent Gemini = new("gemini", AgentCli.Gemini, "gemini-2.5-flash", 0.30m, 0.03m, 2.50m)
    {
        SpawnOptions = ["--sandbox", "danger-full-access"],
        ShellExitCode = null,
        AuthFailureExitCode = 145,
    };

    /// <summary>
    /// Qwen Code asks for the model in OPENAI_MODEL (AgentCliEnvironment.ForQwen: qwen3-coder-plus), priced by zwarm's
    /// table at Alibaba Cloud's list price: $1 / $0.20 cached / $5 per 1M.
    /// </summary>
    public static readonly Agent Qwen = new("qwen", AgentCli.QwenCode, "qwen3-coder-plus", 1m, 0.20m, 5m)
    {
        MayLoseShellOutput = true,
    };

    /// <summary>
    /// opencode runs a custom provider "scripted" whose model is gpt-5.5; opencode prices a custom model at 0, so zwarm
    /// prices it from its own table ($5 / $0.50 cached / $30 per 1M).
    /// </summary>
    public static readonly Agent OpenCode = new("opencode", AgentCli.OpenCode, "scripted/gpt-5.5", 5m, 0.50m, 30m);

    /// <summary>Options every `zwarm spawn` of this agent gets (e.g. the sandbox its shell tool needs).</summary>
    public IReadOnlyList<string> SpawnOptions { get; init; } = [];

    /// <summary>The exit code zwarm records for a successful shell command; null when the CLI's stream does not say.</summary>
    public int? ShellExitCode { get; init; } = 0;

    /// <summary>How the CLI exits when the model server answers 401.</summary>
    public int AuthFailureExitCode { get; init; } = 1;

    /// <summary>
    /// The CLI sometimes reports a command that ran with no output: Qwen Code 0.24.4 on a loaded machine says
    /// "Output: (empty)" for a command whose file is written (seen in CI). zwarm records what the CLI reported.
    /// </summary>
    public bool MayLoseShellOutput { get; init; }

    /// <summary>Whether <paramref name="output"/> is the command's <paramref name="expected"/> output, or a lost one.</summary>
    public bool IsShellOutput(string output, string expected) =>
        output.Contains(expected, StringComparison.Ordinal)
        || MayLoseShellOutput && (output.Trim().Length == 0 || output.Contains("(empty)", StringComparison.Ordinal));

    /// <summary>The key of <c>[adapters.NAME] executable</c> in config.toml.</summary>
    public string ConfigTable => $"adapters.{Adapter}";

    public bool IsCodex => Cli == AgentCli.Codex;

    /// <summary>
    /// Where the CLI's model calls go and its private config folder, hermetic (fresh HOME). Every CLI runs in zwarm's
    /// default workspace-write sandbox (for Claude Code acceptEdits, which needs no IS_SANDBOX), except Gemini CLI, which
    /// gets <see cref="SpawnOptions"/>.
    /// </summary>
    internal AgentCliEnvironment EnvironmentFor(ScriptedModelServer server, string directory) => Cli switch
    {
        AgentCli.Codex => AgentCliEnvironment.ForCodex(server.BaseUrl, directory, new CodexEnvironmentOptions { IsolatedHome = true }),
        AgentCli.Gemini => AgentCliEnvironment.ForGemini(server.BaseUrl, directory, new GeminiEnvironmentOptions { IsolatedHome = true, Model = Model }),
        AgentCli.QwenCode => AgentCliEnvironment.ForQwen(server.BaseUrl, directory, new QwenEnvironmentOptions { IsolatedHome = true }),
        AgentCli.OpenCode => AgentCliEnvironment.ForOpenCode(server.BaseUrl, directory),
        _ => AgentCliEnvironment.ForClaude(server.BaseUrl, directory, new ClaudeEnvironmentOptions { IsolatedHome = true }),
    };

    /// <summary>
    /// zwarm's input tokens for a scripted reply's usage. zwarm counts cache reads as part of the input, as OpenAI does;
    /// the scripted server reports them apart from input_tokens on the Anthropic API, as Anthropic does (Gemini's
    /// promptTokenCount includes them, as OpenAI's does).
    /// </summary>
    public long InputTokensOf(ReplyUsage usage) =>
        Cli == AgentCli.ClaudeCode ? usage.InputTokens + usage.CachedInputTokens : usage.InputTokens;

    /// <summary>USD for the given totals at this agent's model price (input includes the cached part).</summary>
    public decimal CostOf(long input, long cached, long output) =>
        ((input - cached) * InputRate + cached * CachedRate + output * OutputRate) / 1_000_000m;

    public override string ToString() => Adapter;
}
