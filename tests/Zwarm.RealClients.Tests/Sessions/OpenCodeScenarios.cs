using Zwarm.RealClients.Tests.Support;

namespace Zwarm.RealClients.Tests.Sessions;

/// <summary>The end-to-end scenarios with the real opencode 1.18.33.</summary>
[Collection(Lanes.OpenCode)]
public sealed class OpenCodeScenarios() : AgentScenarios(Agent.OpenCode);
