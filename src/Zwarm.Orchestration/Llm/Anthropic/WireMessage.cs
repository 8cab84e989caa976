namespace Zwarm.Orchestration.Llm.Anthropic;

/// <summary>One entry of <c>messages</c>: role <c>user</c> or <c>assistant</c> and its content blocks.</summary>
internal sealed record WireMessage(string Role, IReadOnlyList<ContentBlock> Content);
