// [pilot]: what the conversational interface (zwarm pilot) needs from the shared engine. Its LLM follows
// [orchestrator] unless overridden here.
using Zwarm.Core.Config;
using Zwarm.Orchestration.Llm;

namespace Zwarm.Orchestration.Config;

public sealed record PilotSettings
{
    public LlmSettings Llm { get; init; } = new();

    /// <summary>Model calls (with their tool calls) allowed for one user turn before control returns to the human.</summary>
    public int MaxStepsPerTurn { get; init; } = 25;

    /// <summary>Offer the bash tool in pilot (off by default: the human has a shell).</summary>
    public bool BashEnabled { get; init; }

    public static PilotSettings Read(ConfigSection? s, LlmSettings orchestratorLlm)
    {
        var d = new PilotSettings { Llm = orchestratorLlm };
        if (s is null)
        {
            return d;
        }
        return d with
        {
            Llm = LlmSettings.ReadInherited(s, orchestratorLlm, p => p.DefaultModel()),
            MaxStepsPerTurn = SettingReader.Int(s, "max_steps_per_turn", 1, 10_000) ?? d.MaxStepsPerTurn,
            BashEnabled = s.GetBool("bash") ?? d.BashEnabled,
        };
    }
}
