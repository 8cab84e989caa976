// The one lookup order for agent CLIs, used by spawn/exec/continue, doctor, `zwarm agents`, the demo and the
// orchestrator's delegate (they all start sessions through SessionService, which asks this). First match wins:
//   1. config.toml adapters.NAME.executable   (final: a wrong path is an error, never silently replaced)
//   2. ZWARM_<EXECUTABLE>_BIN                  (final too)
//   3. $ZWARM_AGENTS_DIR/node_modules/.bin
//   4. zwarm's data folder ($XDG_DATA_HOME/zwarm/agents, else ~/.local/share/zwarm/agents): `zwarm agents install`
//      and `zwarm demo` install the pinned version there, so what the user installed through zwarm wins
//   5. .tools/agents of the zwarm checkout this binary runs from (scripts/install-agent-clis.sh, used by test.sh):
//      a developer's checkout needs no second copy
//   6. PATH (the adapter's env.PATH when config sets one)
using Zwarm.Core.Config;
using Zwarm.Core.Processes;

namespace Zwarm.Core.Agents.Install;

public sealed class AgentLocator
{
    private readonly IReadOnlyDictionary<string, string?> _environment;
    private readonly string? _checkout;

    /// <param name="environment">The environment zwarm runs with (PATH, HOME, XDG_DATA_HOME, the ZWARM_ variables).</param>
    /// <param name="checkout">The zwarm checkout whose .tools/agents to read; null for an installed zwarm.</param>
    public AgentLocator(IReadOnlyDictionary<string, string?> environment, string? checkout)
    {
        _environment = environment;
        _checkout = checkout;
    }

    /// <summary>The locator of a zwarm process: its environment, and the checkout its binary lives in (if any).</summary>
    public static AgentLocator For(ZwarmContext context) => new(context.Environment, DefaultCheckout);

    /// <summary>The checkout above this program's folder (a `./zwarm` or test build), else null.</summary>
    public static string? DefaultCheckout { get; } = AgentFolders.FindCheckout(AppContext.BaseDirectory);

    /// <summary>The executable and where it was found, or null.</summary>
    public LocatedAgent? Find(IAgentAdapter adapter, AdapterSettings settings, string workingDirectory)
    {
        var path = PathFor(settings);
        if (settings.Executable is { Length: > 0 } configured)
        {
            return ExecutableResolver.Resolve(configured, path, workingDirectory) is { } resolved
                ? new LocatedAgent(resolved, AgentSource.Config, $"config adapters.{adapter.Name}.executable")
                : null;
        }
        var variable = AgentFolders.VariableFor(adapter);
        if (_environment.GetValueOrDefault(variable) is { Length: > 0 } fromVariable)
        {
            return ExecutableResolver.Resolve(Path.GetFullPath(fromVariable, workingDirectory), null) is { } resolved
                ? new LocatedAgent(resolved, AgentSource.Variable, variable)
                : null;
        }
        foreach (var (prefix, source, label) in Prefixes())
        {
            if (ExecutableResolver.Resolve(AgentFolders.BinIn(prefix, adapter.ExecutableName), null) is { } found)
            {
                return new LocatedAgent(found, source, label);
            }
        }
        return ExecutableResolver.Resolve(adapter.ExecutableName, path, workingDirectory) is { } onPath
            ? new LocatedAgent(onPath, AgentSource.Path, "PATH")
            : null;
    }

    /// <summary>The executable; a one-line AgentMissing error naming what was tried and `zwarm agents install NAME`.</summary>
    public LocatedAgent Require(IAgentAdapter adapter, AdapterSettings settings, string workingDirectory)
    {
        if (Find(adapter, settings, workingDirectory) is { } found)
        {
            return found;
        }
        var install = $"zwarm agents install {adapter.Name} (installs {adapter.Package.Spec} into {AgentFolders.DataDirectory(_environment)})";
        if (settings.Executable is { Length: > 0 } configured)
        {
            throw new ZwarmException(ErrorKind.AgentMissing,
                $"adapters.{adapter.Name}.executable is '{configured}', which was not found; fix it, or remove it and run {install}");
        }
        var variable = AgentFolders.VariableFor(adapter);
        if (_environment.GetValueOrDefault(variable) is { Length: > 0 } fromVariable)
        {
            throw new ZwarmException(ErrorKind.AgentMissing, $"{variable} is '{fromVariable}', which is not an executable file");
        }
        throw new ZwarmException(ErrorKind.AgentMissing,
            $"the {adapter.DisplayName} ('{adapter.ExecutableName}') was not found (looked in {variable}, " +
            $"{string.Join(", ", Prefixes().Select(p => p.Label))}, PATH); install it with: {install}");
    }

    /// <summary>The npm prefixes of steps 3-5, in order.</summary>
    public IEnumerable<(string Prefix, AgentSource Source, string Label)> Prefixes()
    {
        if (_environment.GetValueOrDefault(AgentFolders.AgentsDirectoryVariable) is { Length: > 0 } agentsDir)
        {
            yield return (agentsDir, AgentSource.AgentsDirectory, AgentFolders.AgentsDirectoryVariable);
        }
        yield return (AgentFolders.DataDirectory(_environment), AgentSource.DataFolder, "zwarm's data folder");
        if (_checkout is not null)
        {
            yield return (AgentFolders.CheckoutAgents(_checkout), AgentSource.Checkout, "this checkout's .tools/agents");
        }
    }

    private string? PathFor(AdapterSettings settings) =>
        settings.Env.TryGetValue("PATH", out var overridden) && overridden is not null
            ? overridden
            : _environment.GetValueOrDefault("PATH");
}
