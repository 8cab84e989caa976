using Zwarm.Core.Events;

namespace Zwarm.Orchestration.Loop;

/// <summary>Why <see cref="ChatEngine.RunTurnAsync"/> returned.</summary>
public enum TurnEnd
{
    /// <summary>The model answered in text without calling a tool: the user's turn again.</summary>
    Answered,
    /// <summary>The per-turn step limit was reached while the model still called tools.</summary>
    StepLimit,
    /// <summary>The model called exit (only when exit is offered).</summary>
    Exit,
}

/// <summary>The outcome of one user turn: its steps, the final text and the tokens used.</summary>
public sealed record EngineTurn(IReadOnlyList<EngineStep> Steps, TurnEnd End, TokenUsage Usage)
{
    /// <summary>The text of the last step (the model's answer when <see cref="End"/> is Answered).</summary>
    public string FinalText => Steps.Count > 0 ? Steps[^1].Text : "";
}
