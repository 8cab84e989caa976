// Does the model server an agent is configured for answer? One cheap GET of its model list (every OpenAI- and
// Anthropic-compatible server has one; any HTTP status proves the server is there), bounded by a short timeout.
// An agent on its vendor's public API is not called: zwarm never reaches out to a service the user did not configure.
namespace Zwarm.Core.Agents.Local;

public sealed class EndpointProbe(HttpClient http)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>Checks where <paramref name="adapter"/> will send its model calls with these settings.</summary>
    public Task<EndpointCheck> CheckAsync(IAgentAdapter adapter, AdapterSettings settings,
        IReadOnlyDictionary<string, string?> environment, CancellationToken cancellationToken)
    {
        var url = adapter.ModelEndpoint(settings, AgentEnvironment.With(environment, settings));
        return url is null
            ? Task.FromResult(new EndpointCheck(null, null, "uses the public API (not checked)"))
            : CheckUrlAsync(url, cancellationToken);
    }

    public async Task<EndpointCheck> CheckUrlAsync(string baseUrl, CancellationToken cancellationToken)
    {
        string models;
        try
        {
            models = LocalUrls.ModelsUrl(baseUrl);
        }
        catch (ZwarmException e)
        {
            return new EndpointCheck(baseUrl, false, e.Message);
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, models);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            return new EndpointCheck(baseUrl, true, $"HTTP {(int)response.StatusCode} from GET {models}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new EndpointCheck(baseUrl, false, $"no answer from {models} within {Timeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException e)
        {
            return new EndpointCheck(baseUrl, false, $"{models}: {e.InnerException?.Message ?? e.Message}");
        }
    }
}
