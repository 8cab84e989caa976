// The agent CLI versions zwarm is tested with; the same pins as scripts/install-agent-clis.sh.
using Zwarm.ScriptedModels.Agents;

namespace Zwarm.Cli.Demo;

internal sealed record PinnedCli(AgentCli Cli, string Adapter, string Package, string Version, string Executable)
{
    public static readonly PinnedCli Codex = new(AgentCli.Codex, "codex", "@openai/codex", "0.169.0", "codex");

    public static readonly PinnedCli Claude = new(AgentCli.ClaudeCode, "claude_code", "@anthropic-ai/claude-code", "2.1.330", "claude");

    public string Spec => $"{Package}@{Version}";

    public string DisplayName => Cli == AgentCli.Codex ? "Codex CLI" : "Claude Code";
}
