// The zwarm context the demo's sessions run in: its own state directory and workspace, a config that only names the
// located CLI executables (the user's config.toml is not used), and an environment in which the CLIs talk to the
// scripted server alone (a fresh CODEX_HOME / CLAUDE_CONFIG_DIR and HOME under the demo folder).
using Zwarm.Core.Agents;
using Zwarm.Core.Config;
using Zwarm.ScriptedModels;
using Zwarm.ScriptedModels.Agents;

namespace Zwarm.Cli.Demo;

internal static class DemoContext
{
    public static ZwarmContext Create(ZwarmContext user, DemoLayout layout, ScriptedModelServer server,
        IReadOnlyDictionary<DemoAgent, string> executables)
    {
        var environment = new Dictionary<string, string?>(user.Environment, StringComparer.Ordinal);
        var adapters = new Dictionary<string, AdapterSettings>(StringComparer.Ordinal);
        foreach (var (cli, executable) in executables)
        {
            var agent = cli.Cli == AgentCli.Codex
                ? AgentCliEnvironment.ForCodex(server.BaseUrl, layout.Agents, new CodexEnvironmentOptions { IsolatedHome = true })
                : AgentCliEnvironment.ForClaude(server.BaseUrl, layout.Agents, new ClaudeEnvironmentOptions { IsolatedHome = true });
            foreach (var (name, value) in agent.Variables)
            {
                environment[name] = value;
            }
            adapters[cli.Adapter.Name] = new AdapterSettings(Executable: executable);
        }
        return new ZwarmContext
        {
            StateDirectory = layout.State,
            WorkingDirectory = layout.Workspace,
            Environment = environment,
            Time = user.Time,
            Config = new ZwarmConfig
            {
                Executor = new ExecutorSettings { KillGrace = TimeSpan.FromSeconds(2) },
                Adapters = adapters,
            },
        };
    }
}
