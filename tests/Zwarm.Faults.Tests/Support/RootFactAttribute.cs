namespace Zwarm.Faults.Tests.Support;

/// <summary>A fact that needs root (to mount a file system, chown to another user); skipped, with the reason, otherwise.</summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute(string why)
    {
        if (Environment.UserName != "root")
        {
            Skip = $"needs root: {why}";
        }
    }
}
