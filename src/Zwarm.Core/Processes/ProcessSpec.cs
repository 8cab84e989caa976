namespace Zwarm.Core.Processes;

/// <summary>
/// An immutable description of a process to start: executable, argument list (never a shell string), working
/// directory, and environment changes applied on top of the inherited environment (a null value removes a variable).
/// </summary>
public sealed record ProcessSpec(
    string Executable,
    IReadOnlyList<string> Arguments,
    string WorkingDirectory,
    IReadOnlyDictionary<string, string?> EnvironmentOverrides);
