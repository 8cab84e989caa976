namespace Zwarm.Core.Agents;

/// <summary>Per-adapter settings from config.toml's [adapters.NAME] table.</summary>
/// <param name="Executable">Path or name of the CLI; null means the adapter's default name looked up on PATH.</param>
/// <param name="ExtraArgs">Arguments appended to every invocation (before the prompt).</param>
/// <param name="Environment">Variables added to (or, when the value is null, removed from) the inherited environment.</param>
/// <param name="DefaultModel">Model used when the user gives none; null lets the CLI decide.</param>
public sealed record AdapterSettings(
    string? Executable = null,
    IReadOnlyList<string>? ExtraArgs = null,
    IReadOnlyDictionary<string, string?>? Environment = null,
    string? DefaultModel = null)
{
    public static readonly AdapterSettings Default = new();

    public IReadOnlyList<string> Args => ExtraArgs ?? [];

    public IReadOnlyDictionary<string, string?> Env => Environment ?? new Dictionary<string, string?>();
}
