namespace Zwarm.Orchestration.Llm;

/// <summary>
/// Where an LLM will be reached, fully resolved (flags, config, environment). The key itself is kept out of
/// <see cref="ToString"/> and of every event: only the variable it came from is shown.
/// </summary>
public sealed record LlmEndpoint(LlmProvider Provider, string Model, Uri BaseUrl, string KeySource, bool BaseUrlIsDefault)
{
    internal string ApiKey { get; init; } = "";

    /// <summary>"openai gpt-5.5 at https://api.openai.com/v1" (never the key).</summary>
    public string Describe() => $"{Provider.ToName()} {Model} at {BaseUrl.ToString().TrimEnd('/')}";

    public override string ToString() => Describe();
}
