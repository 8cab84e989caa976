// Finds the real agent CLI executables for tests and `zwarm demo`: an explicit env var wins, then the
// repository's git-ignored .tools/agents install made by scripts/install-agent-clis.sh.
namespace Zwarm.ScriptedModels.Agents;

public static class AgentBinaries
{
    public const string CodexVariable = "ZWARM_CODEX_BIN";
    public const string ClaudeVariable = "ZWARM_CLAUDE_BIN";
    public const string GeminiVariable = "ZWARM_GEMINI_BIN";
    public const string QwenVariable = "ZWARM_QWEN_BIN";
    public const string OpenCodeVariable = "ZWARM_OPENCODE_BIN";

    /// <summary>Overrides the install folder (the same variable the install script honours).</summary>
    public const string AgentsDirectoryVariable = "ZWARM_AGENTS_DIR";

    public const string InstallScript = "scripts/install-agent-clis.sh";

    public static string VariableFor(AgentCli cli) => cli switch
    {
        AgentCli.Codex => CodexVariable,
        AgentCli.Gemini => GeminiVariable,
        AgentCli.QwenCode => QwenVariable,
        AgentCli.OpenCode => OpenCodeVariable,
        _ => ClaudeVariable,
    };

    public static string ExecutableName(AgentCli cli) => cli switch
    {
        AgentCli.Codex => "codex",
        AgentCli.Gemini => "gemini",
        AgentCli.QwenCode => "qwen",
        AgentCli.OpenCode => "opencode",
        _ => "claude",
    };

    /// <summary>
    /// The executable's full path, or null when it is not installed. Looks at <c>ZWARM_CODEX_BIN</c> /
    /// <c>ZWARM_CLAUDE_BIN</c> (final when set), then <c>$ZWARM_AGENTS_DIR/node_modules/.bin</c>, then
    /// <c>&lt;repo&gt;/.tools/agents/node_modules/.bin</c> of the repository above <paramref name="searchFrom"/>
    /// (default: this program's folder).
    /// </summary>
    public static string? TryLocate(AgentCli cli, string? searchFrom = null) =>
        TryLocate(cli, searchFrom, Environment.GetEnvironmentVariable);

    /// <summary>The executable's full path; throws with install instructions when it is missing.</summary>
    public static string Require(AgentCli cli, string? searchFrom = null) =>
        TryLocate(cli, searchFrom) ?? throw new FileNotFoundException(
            $"The {ExecutableName(cli)} CLI was not found (looked at: " +
            $"{string.Join(", ", Candidates(cli, searchFrom ?? AppContext.BaseDirectory, Environment.GetEnvironmentVariable))}). " +
            $"Run {InstallScript} from the repository root, or set {VariableFor(cli)} to the executable.");

    /// <summary>Testable core: the environment is read through <paramref name="getVariable"/>.</summary>
    internal static string? TryLocate(AgentCli cli, string? searchFrom, Func<string, string?> getVariable)
    {
        foreach (var candidate in Candidates(cli, searchFrom ?? AppContext.BaseDirectory, getVariable))
        {
            if (File.Exists(candidate)) return Path.GetFullPath(candidate);
        }
        return null;
    }

    /// <summary>The folder holding <c>Zwarm.slnx</c>, walking up from <paramref name="start"/>; null if none.</summary>
    public static string? FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Zwarm.slnx"))) return dir.FullName;
        }
        return null;
    }

    private static IEnumerable<string> Candidates(AgentCli cli, string searchFrom, Func<string, string?> getVariable)
    {
        if (getVariable(VariableFor(cli)) is { Length: > 0 } explicitPath)
        {
            // An explicit choice is final: falling back silently would test some other binary.
            yield return explicitPath;
            yield break;
        }

        var relative = Path.Combine("node_modules", ".bin", ExecutableName(cli));
        if (getVariable(AgentsDirectoryVariable) is { Length: > 0 } agentsDir)
        {
            yield return Path.Combine(agentsDir, relative);
        }
        if (FindRepositoryRoot(searchFrom) is { } root)
        {
            yield return Path.Combine(root, ".tools", "agents", relative);
        }
    }
}
