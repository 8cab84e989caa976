namespace Zwarm.Core.Agents;

/// <summary>zwarm's sandbox modes; each adapter maps them onto its CLI's own flags.</summary>
public enum SandboxMode
{
    ReadOnly,
    WorkspaceWrite,
    DangerFullAccess,
}

public static class SandboxModes
{
    public const string ReadOnlyName = "read-only";
    public const string WorkspaceWriteName = "workspace-write";
    public const string DangerFullAccessName = "danger-full-access";

    public static IReadOnlyList<string> Names { get; } = [ReadOnlyName, WorkspaceWriteName, DangerFullAccessName];

    public static string ToName(this SandboxMode mode) => mode switch
    {
        SandboxMode.ReadOnly => ReadOnlyName,
        SandboxMode.WorkspaceWrite => WorkspaceWriteName,
        SandboxMode.DangerFullAccess => DangerFullAccessName,
        _ => throw new ArgumentOutOfRangeException(nameof(mode)),
    };

    public static bool TryParse(string? name, out SandboxMode mode)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case ReadOnlyName: mode = SandboxMode.ReadOnly; return true;
            case WorkspaceWriteName: mode = SandboxMode.WorkspaceWrite; return true;
            case DangerFullAccessName: mode = SandboxMode.DangerFullAccess; return true;
            default: mode = default; return false;
        }
    }
}
