// The LLM flags orchestrate and pilot share (--model, --provider, --base-url, --reasoning-effort) and how they combine
// with config and, on --resume, with the instance's saved endpoint: a resumed run keeps talking to the model it
// started with unless a flag names another.
using System.CommandLine;
using Zwarm.Orchestration.Instances;
using Zwarm.Orchestration.Llm;

namespace Zwarm.Cli.Infrastructure;

internal sealed class LlmOptions(string modelDefault, string baseUrlDefault)
{
    public Option<string?> Model { get; } = new("--model", "-m") { Description = $"The model (default: {modelDefault})" };

    public Option<string?> Provider { get; } = new("--provider") { Description = "openai (Responses API) | openai-chat (Chat Completions) | anthropic" };

    public Option<string?> BaseUrl { get; } = new("--base-url") { Description = $"Model endpoint (default: {baseUrlDefault}, $OPENAI_BASE_URL / $ANTHROPIC_BASE_URL)" };

    public Option<string?> Effort { get; } = new("--reasoning-effort") { Description = "none | low | medium | high | xhigh" };

    public IEnumerable<Option> All => [Model, Provider, BaseUrl, Effort];

    /// <summary>
    /// <paramref name="configured"/> with the flags applied; when <paramref name="resumed"/> gives the instance being
    /// resumed and no flag names an endpoint, its saved provider, model and base URL come first.
    /// </summary>
    public LlmSettings Resolve(CommandContext ctx, LlmSettings configured, Func<InstanceStore, string>? resumed)
    {
        var llm = configured;
        var flagsGiven = ctx.Get(Provider) is not null || ctx.Get(Model) is not null || ctx.Get(BaseUrl) is not null;
        if (resumed is not null && !flagsGiven)
        {
            var store = new InstanceStore(ctx.Zwarm.StateDirectory);
            var saved = store.LoadOrThrow(resumed(store));
            llm = llm.With(provider: string.IsNullOrEmpty(saved.Provider) ? null : saved.Provider,
                model: string.IsNullOrEmpty(saved.Model) ? null : saved.Model, baseUrl: saved.BaseUrl);
        }
        return llm.With(ctx.Get(Provider), ctx.Get(Model), ctx.Get(BaseUrl), ctx.Get(Effort));
    }
}
