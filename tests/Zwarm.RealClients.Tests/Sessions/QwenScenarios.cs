using Zwarm.RealClients.Tests.Support;

namespace Zwarm.RealClients.Tests.Sessions;

/// <summary>The end-to-end scenarios with the real Qwen Code 0.24.4 (Chat Completions, zwarm's price table).</summary>
[Collection(Lanes.Qwen)]
public sealed class QwenScenarios() : AgentScenarios(Agent.Qwen);
