// Builds the execution context for one command: state directory, config (with --config / --set applied and
// validated: unknown keys are an error), environment snapshot and clock.
using System.CommandLine;
using Zwarm.Core;
using Zwarm.Core.Agents;
using Zwarm.Core.Config;

namespace Zwarm.Cli.Infrastructure;

internal sealed class ContextFactory
{
    private readonly IReadOnlyDictionary<string, string?> _environment;
    private readonly string _workingDirectory;
    private readonly TimeProvider _time;

    public ContextFactory(IReadOnlyDictionary<string, string?>? environment = null, string? workingDirectory = null,
        TimeProvider? time = null)
    {
        _environment = environment ?? ZwarmContext.CaptureEnvironment();
        _workingDirectory = workingDirectory ?? Directory.GetCurrentDirectory();
        _time = time ?? TimeProvider.System;
    }

    public IReadOnlyDictionary<string, string?> Environment => _environment;

    public string WorkingDirectory => _workingDirectory;

    /// <summary>Loaded configuration layers for one invocation.</summary>
    public LoadedContext Create(ParseResult parse)
    {
        var stateDir = ZwarmContext.ResolveStateDirectory(parse.GetValue(GlobalOptions.StateDir), _workingDirectory, _environment);
        var configPath = parse.GetValue(GlobalOptions.Config) is { } explicitPath
            ? Path.GetFullPath(explicitPath, _workingDirectory)
            : Path.Combine(stateDir, "config.toml");
        if (parse.GetValue(GlobalOptions.Config) is not null && !File.Exists(configPath))
        {
            throw new ZwarmException(ErrorKind.Config, $"config file {configPath} does not exist");
        }
        var document = ConfigDocument.Load(configPath, parse.GetValue(GlobalOptions.Set) ?? []);
        var config = ZwarmConfig.Read(document, name => AgentRegistry.Default.TryGet(name, out var a) ? a.Name : null);
        var extra = ConfigSections.ReadUpperLayers(document);
        document.Validate();
        var context = new ZwarmContext
        {
            StateDirectory = stateDir,
            WorkingDirectory = _workingDirectory,
            Environment = _environment,
            Time = _time,
            Config = config,
            FinalizerPath = Commands.FinalizeCommand.ExecutablePath(System.Environment.ProcessPath),
        };
        return new LoadedContext(context, document, extra);
    }
}

/// <summary>The context plus the config sections of the layers above Core.</summary>
internal sealed record LoadedContext(ZwarmContext Context, ConfigDocument Document, UpperConfig Upper);
