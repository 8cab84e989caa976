// The folders the agent lookup order reads, from the environment zwarm runs with (never this process's own
// variables directly, so tests point them at temp dirs).
namespace Zwarm.Core.Agents.Install;

public static class AgentFolders
{
    /// <summary>Overrides the npm prefix the lookup reads (the same variable scripts/install-agent-clis.sh honours).</summary>
    public const string AgentsDirectoryVariable = "ZWARM_AGENTS_DIR";

    /// <summary>The npm prefix `zwarm agents install` uses: $XDG_DATA_HOME/zwarm/agents, else ~/.local/share/zwarm/agents.</summary>
    public static string DataDirectory(IReadOnlyDictionary<string, string?> environment)
    {
        if (environment.GetValueOrDefault("XDG_DATA_HOME") is { Length: > 0 } data && Path.IsPathRooted(data))
        {
            return Path.Combine(data, "zwarm", "agents");
        }
        var home = environment.GetValueOrDefault("HOME") is { Length: > 0 } h ? h : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return Path.Combine(home, ".local", "share", "zwarm", "agents");
    }

    /// <summary>The executable an npm prefix holds: PREFIX/node_modules/.bin/NAME.</summary>
    public static string BinIn(string prefix, string executable) => Path.Combine(prefix, "node_modules", ".bin", executable);

    /// <summary>The variable naming one CLI's executable: ZWARM_CODEX_BIN, ZWARM_CLAUDE_BIN, ...</summary>
    public static string VariableFor(IAgentAdapter adapter) =>
        "ZWARM_" + adapter.ExecutableName.ToUpperInvariant().Replace('-', '_') + "_BIN";

    /// <summary>The zwarm checkout (the folder holding Zwarm.slnx) above <paramref name="start"/>; null when none.</summary>
    public static string? FindCheckout(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Zwarm.slnx")))
            {
                return dir.FullName;
            }
        }
        return null;
    }

    /// <summary>The checkout's own install folder (scripts/install-agent-clis.sh): CHECKOUT/.tools/agents.</summary>
    public static string CheckoutAgents(string checkout) => Path.Combine(checkout, ".tools", "agents");
}
