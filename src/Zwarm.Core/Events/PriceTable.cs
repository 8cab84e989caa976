// TEMPORARY (replaced by the adapters branch).
using Zwarm.Core.Config;

namespace Zwarm.Core.Events;

public sealed class PriceTable
{
    public static PriceTable FromConfig(ZwarmConfig config) => new();

    public decimal? Cost(string model, TokenUsage usage) => null;
}
