namespace Zwarm.Core.Agents.Install;

/// <summary>Where an agent CLI was found, in lookup order (see <see cref="AgentLocator"/>).</summary>
public enum AgentSource
{
    /// <summary>config.toml's <c>adapters.NAME.executable</c> (final: a wrong path is reported, not replaced).</summary>
    Config,
    /// <summary><c>ZWARM_&lt;EXECUTABLE&gt;_BIN</c>, e.g. ZWARM_CODEX_BIN (final too).</summary>
    Variable,
    /// <summary><c>$ZWARM_AGENTS_DIR/node_modules/.bin</c>.</summary>
    AgentsDirectory,
    /// <summary>zwarm's data folder, where `zwarm agents install` and `zwarm demo` install.</summary>
    DataFolder,
    /// <summary>The .tools/agents folder of the zwarm checkout this binary runs from (scripts/install-agent-clis.sh).</summary>
    Checkout,
    /// <summary>The PATH.</summary>
    Path,
}
