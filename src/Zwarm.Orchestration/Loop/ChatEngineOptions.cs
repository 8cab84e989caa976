using Microsoft.Extensions.AI;

namespace Zwarm.Orchestration.Loop;

/// <summary>How <see cref="ChatEngine"/> calls the model.</summary>
public sealed record ChatEngineOptions
{
    /// <summary>Stream replies (text, reasoning and tool calls reach observers as they are generated).</summary>
    public bool Stream { get; init; } = true;

    public ReasoningEffort? ReasoningEffort { get; init; }

    public int? MaxOutputTokens { get; init; }

    /// <summary>Names the endpoint in error messages ("openai gpt-5.5 at https://...").</summary>
    public string EndpointDescription { get; init; } = "the model endpoint";

    /// <summary>Model calls allowed in one <see cref="ChatEngine.RunTurnAsync"/>.</summary>
    public int MaxStepsPerTurn { get; init; } = 25;
}
