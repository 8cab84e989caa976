using Zwarm.RealClients.Tests.Support;

namespace Zwarm.RealClients.Tests.Sessions;

/// <summary>The end-to-end scenarios with the real Claude Code 2.1.330.</summary>
[Collection(Lanes.Claude)]
public sealed class ClaudeScenarios() : AgentScenarios(Agent.Claude);
