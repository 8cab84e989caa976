using Zwarm.Orchestration.Tools;

namespace Zwarm.Orchestration.Tests.Support;

/// <summary>The theory form of <see cref="LandlockFactAttribute"/>.</summary>
public sealed class LandlockTheoryAttribute : TheoryAttribute
{
    public LandlockTheoryAttribute()
    {
        if (BashSandbox.Detect().Problem is { } problem)
        {
            Skip = $"read-only bash cannot be enforced here: {problem}";
        }
    }
}
