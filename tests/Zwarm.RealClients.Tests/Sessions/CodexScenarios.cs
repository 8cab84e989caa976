using Zwarm.RealClients.Tests.Support;

namespace Zwarm.RealClients.Tests.Sessions;

/// <summary>The end-to-end scenarios with the real Codex CLI 0.169.0.</summary>
[Collection(Lanes.Codex)]
public sealed class CodexScenarios() : AgentScenarios(Agent.Codex);
