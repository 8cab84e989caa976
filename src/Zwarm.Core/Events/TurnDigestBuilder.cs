namespace Zwarm.Core.Events;

/// <summary>Folds one turn's events, in order, into a <see cref="TurnDigest"/>.</summary>
internal sealed class TurnDigestBuilder
{
    private readonly List<string> _messages = [];
    private string? _resumeId;
    private string? _model;
    private TokenUsage? _usage;
    private bool _cumulative;
    private decimal? _cost;
    private decimal? _stepCost;
    private bool _completed;
    private string? _result;
    private bool _failed;
    private string? _failure;
    private string? _lastError;
    private int _commands;
    private int _fileChanges;
    private int _toolCalls;
    private int _denials;
    private int _unknown;

    public void AddRange(IEnumerable<AgentEvent> events)
    {
        foreach (var e in events)
        {
            Add(e);
        }
    }

    public void Add(AgentEvent e)
    {
        switch (e)
        {
            case ConversationStarted started:
                _resumeId = started.ResumeId;
                _model = started.Model ?? _model;
                break;
            case AssistantMessage message:
                _messages.Add(message.Text);
                break;
            case UsageReported reported:
                // A cumulative report supersedes earlier ones; per-invocation reports add up.
                _usage = reported.Cumulative || _usage is null ? reported.Usage : _usage + reported.Usage;
                _cumulative = reported.Cumulative;
                if (!reported.Cumulative && reported.CostUsd is { } stepCost)
                {
                    _stepCost = (_stepCost ?? 0m) + stepCost;
                }
                break;
            case TurnCompleted completed:
                _completed = true;
                _result = completed.Result ?? _result;
                _cost = completed.CostUsd ?? _cost;
                break;
            case TurnFailed failed:
                _failed = true;
                _failure = failed.Message;
                _cost = failed.CostUsd ?? _cost;
                break;
            case ErrorReported { IsWarning: false } error:
                _lastError = error.Message;
                break;
            case CommandExecuted:
                _commands++;
                break;
            case FileChanged { Succeeded: true } changed:
                _fileChanges += changed.Changes.Count;
                break;
            case ToolCall:
                _toolCalls++;
                break;
            case PermissionDenied:
                _denials++;
                break;
            case UnknownEvent:
                _unknown++;
                break;
        }
    }

    /// <param name="malformedLines">Lines skipped while reading the turn file, if it was read from one.</param>
    public TurnDigest Build(int malformedLines = 0) => new()
    {
        ResumeId = _resumeId,
        Model = _model,
        Messages = [.. _messages],
        Usage = _usage,
        UsageIsCumulative = _cumulative,
        ReportedCostUsd = _cost ?? _stepCost,
        ReportedCostIsPerTurn = _cost is null && _stepCost is not null,
        Completed = _completed,
        Result = _result,
        Failed = _failed,
        FailureMessage = _failure,
        LastError = _lastError,
        Commands = _commands,
        FileChanges = _fileChanges,
        ToolCalls = _toolCalls,
        PermissionDenials = _denials,
        UnknownEvents = _unknown,
        MalformedLines = malformedLines,
    };
}
