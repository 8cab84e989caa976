// An agent CLI the demo runs: its adapter (name, pinned package, executable) and which scripted-server environment
// points it at the demo's model.
using Zwarm.Core.Agents;
using Zwarm.ScriptedModels.Agents;

namespace Zwarm.Cli.Demo;

internal sealed record DemoAgent(IAgentAdapter Adapter, AgentCli Cli)
{
    public static DemoAgent Codex { get; } = new(AgentRegistry.Default.Find("codex")!, AgentCli.Codex);

    public static DemoAgent Claude { get; } = new(AgentRegistry.Default.Find("claude_code")!, AgentCli.ClaudeCode);
}
