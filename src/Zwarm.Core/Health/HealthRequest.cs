using Zwarm.Core.Config;

namespace Zwarm.Core.Health;

/// <summary>
/// What `doctor` checks, as the face found it: the state directory (and why it was refused, if it was), the config
/// (defaults when it failed to load, with the error), the environment, and where the LLM verbs run (a face knows).
/// </summary>
public sealed record HealthRequest(string StateDirectory, string? StateProblem, ZwarmConfig Config, string? ConfigFile,
    string? ConfigError, IReadOnlyDictionary<string, string?> Environment, string WorkingDirectory, LlmVerbsHealth LlmVerbs);
