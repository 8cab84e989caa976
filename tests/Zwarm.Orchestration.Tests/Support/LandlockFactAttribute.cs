using Zwarm.Orchestration.Tools;

namespace Zwarm.Orchestration.Tests.Support;

/// <summary>A fact that needs a kernel with Landlock (and zwarm's launcher beside the tests); skipped, with why, otherwise.</summary>
public sealed class LandlockFactAttribute : FactAttribute
{
    public LandlockFactAttribute()
    {
        if (BashSandbox.Detect().Problem is { } problem)
        {
            Skip = $"read-only bash cannot be enforced here: {problem}";
        }
    }
}
