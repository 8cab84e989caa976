namespace Zwarm.Orchestration.Llm.Anthropic;

/// <summary>Extended thinking: <c>{"type":"enabled","budget_tokens":N}</c> (N ≥ 1024, below max_tokens).</summary>
internal sealed record WireThinking(string Type, int BudgetTokens);
