namespace Zwarm.Core.Sandbox;

/// <summary>Whether this machine can run a process read-only: the Landlock ABI version, or why not.</summary>
/// <param name="Abi">The kernel's Landlock ABI version; 0 when it has none.</param>
/// <param name="Problem">Why a read-only view cannot be enforced here; null when it can.</param>
public sealed record SandboxSupport(int Abi, string? Problem)
{
    public bool Enforceable => Problem is null && Abi > 0;

    /// <summary>One line for a human: what is enforced, or why nothing is.</summary>
    public string Describe() => Enforceable
        ? $"Landlock ABI {Abi}: writes are denied outside a private scratch dir"
        : $"cannot be enforced: {Problem}";
}
