// TEMPORARY (replaced by the adapters branch).
namespace Zwarm.Core.Events;

public sealed record TurnDigest
{
    public string? ResumeId { get; init; }
    public string? Model { get; init; }
    public IReadOnlyList<string> Messages { get; init; } = [];
    public TokenUsage? Usage { get; init; }
    public bool UsageIsCumulative { get; init; }
    public decimal? ReportedCostUsd { get; init; }
    public bool Completed { get; init; }
    public bool Failed { get; init; }
    public string? FailureMessage { get; init; }
    public string? LastError { get; init; }
    public int MalformedLines { get; init; }

    public static TurnDigest From(IEnumerable<AgentEvent> events)
    {
        var d = new TurnDigest();
        var messages = new List<string>();
        foreach (var e in events)
        {
            d = e switch
            {
                ConversationStarted c => d with { ResumeId = c.ResumeId, Model = c.Model ?? d.Model },
                AssistantMessage m => Add(d, messages, m.Text),
                UsageReported u => d with { Usage = u.Usage, UsageIsCumulative = u.Cumulative },
                TurnCompleted t => d with { Completed = true, ReportedCostUsd = t.CostUsd ?? d.ReportedCostUsd },
                TurnFailed f => d with { Failed = true, FailureMessage = f.Message, ReportedCostUsd = f.CostUsd ?? d.ReportedCostUsd },
                ErrorReported r => d with { LastError = r.Message },
                _ => d,
            };
        }
        return d with { Messages = messages };
    }

    private static TurnDigest Add(TurnDigest d, List<string> messages, string text)
    {
        messages.Add(text);
        return d;
    }
}
