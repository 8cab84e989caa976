namespace Zwarm.Core.Tests.Support;

/// <summary>A fact that needs root (to chown to another user, mount a file system); skipped, with the reason, otherwise.</summary>
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
