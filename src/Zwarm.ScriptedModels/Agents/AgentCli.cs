namespace Zwarm.ScriptedModels.Agents;

/// <summary>The real agent CLIs zwarm drives (pinned versions: see scripts/install-agent-clis.sh).</summary>
public enum AgentCli
{
    /// <summary>OpenAI Codex CLI (<c>codex</c>, npm <c>@openai/codex</c>).</summary>
    Codex,

    /// <summary>Claude Code (<c>claude</c>, npm <c>@anthropic-ai/claude-code</c>).</summary>
    ClaudeCode,

    /// <summary>Gemini CLI (<c>gemini</c>, npm <c>@google/gemini-cli</c>).</summary>
    Gemini,
    /// <summary>Qwen Code (<c>qwen</c>, npm <c>@qwen-code/qwen-code</c>).</summary>
    QwenCode,
    /// <summary>opencode (<c>opencode</c>, npm <c>opencode-ai</c>).</summary>
    OpenCode,
}
