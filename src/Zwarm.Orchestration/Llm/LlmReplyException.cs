namespace Zwarm.Orchestration.Llm;

/// <summary>The provider reported an error inside an otherwise well-formed reply (a failed stream).</summary>
internal sealed class LlmReplyException(string message) : Exception(message);
