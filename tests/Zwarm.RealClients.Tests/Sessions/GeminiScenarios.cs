using Zwarm.RealClients.Tests.Support;

namespace Zwarm.RealClients.Tests.Sessions;

/// <summary>The end-to-end scenarios with the real Gemini CLI 0.61.0.</summary>
[Collection(GeminiLane.Name)]
public sealed class GeminiScenarios() : AgentScenarios(Agent.Gemini);
