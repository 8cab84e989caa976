// Where `zwarm demo` looks for an agent CLI, first match wins: the config's adapters.NAME.executable, the
// ZWARM_CODEX_BIN / ZWARM_CLAUDE_BIN variable, $ZWARM_AGENTS_DIR, the .tools/agents install of the checkout zwarm
// runs from (scripts/install-agent-clis.sh), zwarm's data folder (where the demo installs it), then PATH.
using Zwarm.Core.Agents;
using Zwarm.Core.Processes;
using Zwarm.ScriptedModels.Agents;

namespace Zwarm.Cli.Demo;

internal static class AgentCliLocator
{
    public static LocatedCli? Find(PinnedCli cli, AdapterSettings settings, IReadOnlyDictionary<string, string?> environment,
        string workingDirectory)
    {
        var path = environment.GetValueOrDefault("PATH");
        if (settings.Executable is { Length: > 0 } configured)
        {
            // An explicit choice is final: a wrong path is reported, not silently replaced.
            return ExecutableResolver.Resolve(configured, path, workingDirectory) is { } resolved
                ? new LocatedCli(resolved, $"config adapters.{cli.Adapter}.executable")
                : null;
        }
        var variable = AgentBinaries.VariableFor(cli.Cli);
        if (environment.GetValueOrDefault(variable) is { Length: > 0 } fromVariable)
        {
            return File.Exists(fromVariable) ? new LocatedCli(System.IO.Path.GetFullPath(fromVariable), variable) : null;
        }
        foreach (var (prefix, source) in Prefixes(environment))
        {
            var candidate = BinIn(prefix, cli);
            if (File.Exists(candidate)) return new LocatedCli(candidate, source);
        }
        return ExecutableResolver.Resolve(cli.Executable, path, workingDirectory) is { } onPath
            ? new LocatedCli(onPath, "PATH")
            : null;
    }

    /// <summary>The npm prefix the demo installs into: $XDG_DATA_HOME/zwarm/agents, else ~/.local/share/zwarm/agents.</summary>
    public static string DataDirectory(IReadOnlyDictionary<string, string?> environment)
    {
        if (environment.GetValueOrDefault("XDG_DATA_HOME") is { Length: > 0 } data && System.IO.Path.IsPathRooted(data))
        {
            return System.IO.Path.Combine(data, "zwarm", "agents");
        }
        var home = environment.GetValueOrDefault("HOME") is { Length: > 0 } h ? h : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return System.IO.Path.Combine(home, ".local", "share", "zwarm", "agents");
    }

    public static string BinIn(string prefix, PinnedCli cli) => System.IO.Path.Combine(prefix, "node_modules", ".bin", cli.Executable);

    private static IEnumerable<(string Prefix, string Source)> Prefixes(IReadOnlyDictionary<string, string?> environment)
    {
        if (environment.GetValueOrDefault(AgentBinaries.AgentsDirectoryVariable) is { Length: > 0 } agentsDir)
        {
            yield return (agentsDir, AgentBinaries.AgentsDirectoryVariable);
        }
        if (AgentBinaries.FindRepositoryRoot(AppContext.BaseDirectory) is { } checkout)
        {
            yield return (System.IO.Path.Combine(checkout, ".tools", "agents"), "this checkout's .tools/agents");
        }
        yield return (DataDirectory(environment), "zwarm's data folder");
    }
}
