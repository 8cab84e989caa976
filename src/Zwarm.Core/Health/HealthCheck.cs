// `zwarm doctor` as a use-case: what zwarm can find — agent CLIs and their versions, API keys, a writable private
// state dir, the config, setsid, the LLM verbs' binary, leftovers in the store, zwarm's registration in the MCP
// clients' configs, whether the kernel can make the orchestrator's bash read-only (Landlock) — and, with --fix, the
// repairs that cannot lose anything (stale leftovers removed, the store's folders made private again). The command
// only renders.
using System.Text;
using CliWrap;
using CliWrap.Buffered;
using Zwarm.Core.Agents;
using Zwarm.Core.Processes;
using Zwarm.Core.Agents.Install;
using Zwarm.Core.Sessions;

namespace Zwarm.Core.Health;

public sealed class HealthCheck(TimeProvider time)
{
    private static readonly string[] KeyNames = ["OPENAI_API_KEY", "ANTHROPIC_API_KEY", "CODEX_HOME", "CLAUDE_CONFIG_DIR", "ANTHROPIC_BASE_URL"];
    private static readonly TimeSpan VersionTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan VersionGrace = TimeSpan.FromSeconds(2);

    public async Task<HealthReport> RunAsync(HealthRequest request, CancellationToken cancellationToken)
    {
        // Probed in parallel: each agent CLI is a node program that takes a second or more to print its version.
        var agents = await Task.WhenAll(AgentRegistry.Default.Adapters.Select(adapter => AgentAsync(request, adapter, cancellationToken)))
            .ConfigureAwait(false);
        var keys = KeyNames.Select(k => new KeyHealth(k, !string.IsNullOrEmpty(request.Environment.GetValueOrDefault(k)))).ToList();
        var leftovers = request.StateProblem is null
            ? new StoreLeftovers(new SessionStore(request.StateDirectory, time)).Find().Select(l => $"{l.Name}: {l.Reason}").ToList()
            : [];
        return new HealthReport(request.StateDirectory, request.StateProblem is null && IsWritable(request.StateDirectory),
            request.StateProblem, agents, keys, request.ConfigFile, request.ConfigError, File.Exists(ExecutableResolver.Setsid),
            request.LlmVerbs, leftovers, await GitHealth.CheckAsync(request.Environment, cancellationToken).ConfigureAwait(false),
            McpRegistrationCheck.Run(request.Environment, request.WorkingDirectory), Sandbox.ReadOnlySandbox.Probe());
    }

    private static async Task<AgentHealth> AgentAsync(HealthRequest request, IAgentAdapter adapter, CancellationToken cancellationToken)
    {
        var settings = request.Config.AdapterSettingsFor(adapter.Name);
        var name = settings.Executable ?? adapter.ExecutableName;
        // The same lookup order as spawn (config, ZWARM_*_BIN, zwarm's data folder, the checkout's .tools, PATH).
        var path = new AgentLocator(request.Environment, AgentLocator.DefaultCheckout).Find(adapter, settings, request.WorkingDirectory)?.Path;
        var (version, problem) = path is null ? (null, "not installed") : await ReadVersionAsync(path, cancellationToken).ConfigureAwait(false);
        return new AgentHealth(adapter.Name, name, path, version, problem, adapter.InstallHint);
    }

    /// <summary>Removes the store's stale leftovers and makes its folders private again. Returns what was done.</summary>
    public async Task<IReadOnlyList<string>> FixAsync(string stateDirectory, CancellationToken cancellationToken)
    {
        var done = new List<string>();
        if (!Directory.Exists(stateDirectory))
        {
            return done;
        }
        var store = new SessionStore(stateDirectory, time);
        foreach (var dir in new[] { stateDirectory, store.SessionsDirectory, Path.Combine(stateDirectory, "instances") }
                     .Concat(store.EnumerateIds().Select(store.SessionDirectory)))
        {
            PrivateStore.Tighten(dir);
        }
        done.Add($"made {stateDirectory} private (folders 0700)");
        var leftovers = new StoreLeftovers(store);
        foreach (var leftover in leftovers.FindStale())
        {
            if (await leftovers.RemoveAsync(leftover, cancellationToken).ConfigureAwait(false))
            {
                done.Add($"removed {leftover.Name} ({leftover.Reason})");
            }
        }
        return done;
    }

    private static async Task<(string? Version, string? Problem)> ReadVersionAsync(string path, CancellationToken cancellationToken)
    {
        using var forceful = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var graceful = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        graceful.CancelAfter(VersionTimeout);
        forceful.CancelAfter(VersionTimeout + VersionGrace);
        try
        {
            var result = await CliWrap.Cli.Wrap(path).WithArguments(["--version"])
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(Encoding.UTF8, Encoding.UTF8, forceful.Token, graceful.Token).ConfigureAwait(false);
            return result.ExitCode == 0
                ? (OneLine(result.StandardOutput), null)
                : (null, $"`{path} --version` exited with {result.ExitCode}" + (OneLine(result.StandardError) is { Length: > 0 } err ? $": {err}" : ""));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"`--version` did not answer within {VersionTimeout.TotalSeconds:0} s");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException or InvalidOperationException)
        {
            return (null, e.Message);
        }
    }

    private static string OneLine(string text)
    {
        var line = text.Trim().Split('\n', 2)[0].Trim();
        return line.Length > 80 ? line[..79] + "…" : line;
    }

    private static bool IsWritable(string stateDir)
    {
        try
        {
            // Probe the state dir, or the nearest existing ancestor it would be created in (no side effects).
            var dir = stateDir;
            while (!Directory.Exists(dir) && Path.GetDirectoryName(dir) is { } parent)
            {
                dir = parent;
            }
            var probe = Path.Combine(dir, $".zwarm-doctor-{Guid.NewGuid():N}");
            using (new FileStream(probe, PrivateStore.NewFile(FileMode.CreateNew, FileAccess.Write)))
            {
            }
            File.Delete(probe);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
