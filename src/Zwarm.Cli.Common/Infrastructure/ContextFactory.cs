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
    private GlobalValues _defaults = GlobalValues.None;

    public ContextFactory(IReadOnlyDictionary<string, string?>? environment = null, string? workingDirectory = null,
        TimeProvider? time = null)
    {
        _environment = environment ?? ZwarmContext.CaptureEnvironment();
        _workingDirectory = workingDirectory ?? Directory.GetCurrentDirectory();
        _time = time ?? TimeProvider.System;
    }

    public IReadOnlyDictionary<string, string?> Environment => _environment;

    public string WorkingDirectory => _workingDirectory;

    /// <summary>
    /// A factory whose commands inherit the global options of <paramref name="outer"/> (the REPL's own
    /// --state-dir, --config, --set) wherever their own line gives none; --set values add up, the line's last.
    /// </summary>
    public ContextFactory Inheriting(ParseResult outer) => new(_environment, _workingDirectory, _time)
    {
        _defaults = GlobalValues.From(outer, GlobalValues.None),
    };

    /// <summary>The global options in effect for <paramref name="parse"/>.</summary>
    public GlobalValues Globals(ParseResult parse) => GlobalValues.From(parse, _defaults);

    /// <summary>The state directory <paramref name="parse"/> works on (without loading the config).</summary>
    public string StateDirectory(ParseResult parse) =>
        ZwarmContext.ResolveStateDirectory(Globals(parse).StateDir, _workingDirectory, _environment);

    /// <summary>Loaded configuration layers for one invocation.</summary>
    public LoadedContext Create(ParseResult parse)
    {
        var globals = Globals(parse);
        var stateDir = ZwarmContext.ResolveStateDirectory(globals.StateDir, _workingDirectory, _environment);
        var configPath = globals.Config is { } explicitPath
            ? Path.GetFullPath(explicitPath, _workingDirectory)
            : Path.Combine(stateDir, "config.toml");
        if (globals.Config is not null && !File.Exists(configPath))
        {
            throw new ZwarmException(ErrorKind.Config, $"config file {configPath} does not exist");
        }
        var document = ConfigDocument.Load(configPath, globals.Sets);
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
            FinalizerPath = Infrastructure.FinalizerPath.For(System.Environment.ProcessPath),
        };
        return new LoadedContext(context, document, extra) { Globals = globals };
    }
}

/// <summary>The context plus the config sections of the layers above Core.</summary>
internal sealed record LoadedContext(ZwarmContext Context, ConfigDocument Document, UpperConfig Upper)
{
    /// <summary>The global options this invocation ran with (its own, or inherited from the REPL).</summary>
    public GlobalValues Globals { get; init; } = GlobalValues.None;
}
