// Base URLs as users type them ("http://localhost:11434", ".../v1", ".../v1/") turned into what each API's clients
// expect: OpenAI-style clients want the /v1 root, Anthropic-style ones the server root.
namespace Zwarm.Core.Agents.Local;

internal static class LocalUrls
{
    /// <summary>An absolute http(s) URL without a trailing slash; a Usage error otherwise.</summary>
    public static string Normalize(string baseUrl)
    {
        if (!Uri.TryCreate(baseUrl.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
        {
            throw new ZwarmException(ErrorKind.Usage, $"--base-url must be an http(s) URL such as http://localhost:11434/v1, got '{baseUrl}'");
        }
        return uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }

    /// <summary>The /v1 root (OpenAI Responses / Chat Completions clients).</summary>
    public static string WithV1(string baseUrl)
    {
        var url = Normalize(baseUrl);
        return url.EndsWith("/v1", StringComparison.Ordinal) ? url : url + "/v1";
    }

    /// <summary>The server root (Anthropic clients append /v1/messages themselves).</summary>
    public static string WithoutV1(string baseUrl)
    {
        var url = Normalize(baseUrl);
        return url.EndsWith("/v1", StringComparison.Ordinal) ? url[..^3] : url;
    }

    /// <summary>A cheap GET that any OpenAI- or Anthropic-compatible server answers: the model list.</summary>
    public static string ModelsUrl(string baseUrl)
    {
        var url = Normalize(baseUrl);
        return url.EndsWith("/v1", StringComparison.Ordinal) ? url + "/models" : url + "/v1/models";
    }
}
