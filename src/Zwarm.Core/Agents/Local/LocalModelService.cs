// `zwarm agents use-local AGENT --base-url URL [--model M] [--api-key-env VAR] [--off] [--print]`: asks the adapter what
// its CLI needs to talk to a local model server, writes the adapter's private files (Codex: a CODEX_HOME of its own
// under the state directory) and the managed [adapters.NAME.env] block of the state directory's config.toml, which
// every command reads (spawn, exec, continue, the orchestrator's delegate). The edited config is parsed before it is
// written: zwarm never leaves a config.toml it cannot read.
using System.Text.RegularExpressions;
using Zwarm.Core.Config;

namespace Zwarm.Core.Agents.Local;

public sealed partial class LocalModelService(ZwarmContext context, AgentRegistry registry)
{
    public LocalModelService(ZwarmContext context) : this(context, AgentRegistry.Default)
    {
    }

    /// <summary>The adapter's private config home: STATE/agents/NAME (0700).</summary>
    public string PrivateHome(IAgentAdapter adapter) => Path.Combine(context.StateDirectory, "agents", adapter.Name);

    public LocalModelChange Use(string agent, string baseUrl, string? model, string? apiKeyVariable, bool dryRun)
    {
        var adapter = Resolve(agent);
        if (apiKeyVariable is not null && !VariableName().IsMatch(apiKeyVariable))
        {
            throw new ZwarmException(ErrorKind.Usage, $"--api-key-env expects a variable name such as OLLAMA_API_KEY, got '{apiKeyVariable}'");
        }
        var setup = adapter.UseLocal(new LocalModelRequest(LocalUrls.Normalize(baseUrl), string.IsNullOrWhiteSpace(model) ? null : model.Trim(),
            apiKeyVariable, PrivateHome(adapter)));
        var before = ReadConfig();
        var after = ManagedConfigBlock.Apply(before, adapter.Name, setup.Environment);
        Check(after);
        if (!dryRun)
        {
            Write(() =>
            {
                PrivateFiles.CreateFolder(context.StateDirectory);
                PrivateFiles.CreateFolder(Path.Combine(context.StateDirectory, "agents"));
                foreach (var file in setup.Files)
                {
                    PrivateFiles.CreateFolder(Path.GetDirectoryName(file.Path)!);
                    PrivateFiles.Write(file.Path, file.Content);
                }
                WriteConfig(after);
            });
        }
        var block = after.Split('\n').SkipWhile(l => !l.StartsWith(ManagedConfigBlock.StartMarker(adapter.Name), StringComparison.Ordinal))
            .TakeWhile(l => !l.StartsWith(ManagedConfigBlock.EndMarker(adapter.Name), StringComparison.Ordinal))
            .Append(ManagedConfigBlock.EndMarker(adapter.Name));
        return new LocalModelChange(adapter.Name, setup, context.ConfigPath, string.Join('\n', block), after != before, !dryRun);
    }

    /// <summary>Removes the managed block (the private home is kept: resuming a session needs the same CODEX_HOME).</summary>
    public LocalModelChange Off(string agent, bool dryRun)
    {
        var adapter = Resolve(agent);
        var before = ReadConfig();
        var after = ManagedConfigBlock.Remove(before, adapter.Name);
        if (!dryRun && after != before)
        {
            Write(() => WriteConfig(after));
        }
        return new LocalModelChange(adapter.Name, null, context.ConfigPath, null, after != before, !dryRun && after != before);
    }

    private IAgentAdapter Resolve(string agent) =>
        registry.Find(agent) ?? throw new ZwarmException(ErrorKind.Usage, registry.UnknownMessage(agent));

    private string ReadConfig()
    {
        try
        {
            return File.Exists(context.ConfigPath) ? File.ReadAllText(context.ConfigPath) : "";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ZwarmException(ErrorKind.Config, $"cannot read {context.ConfigPath}: {e.Message}");
        }
    }

    private void Check(string text)
    {
        try
        {
            ConfigDocument.Parse(text, context.ConfigPath);
        }
        catch (ZwarmException e)
        {
            throw new ZwarmException(ErrorKind.Config,
                $"{e.Message} — after adding the use-local settings; does the file set these adapters.*.env keys already?");
        }
    }

    private void WriteConfig(string text)
    {
        PrivateFiles.CreateFolder(context.StateDirectory);
        PrivateFiles.Write(context.ConfigPath, text);
    }

    private void Write(Action write)
    {
        try
        {
            write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ZwarmException(ErrorKind.State, $"cannot write the use-local settings: {e.Message}");
        }
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex VariableName();
}
