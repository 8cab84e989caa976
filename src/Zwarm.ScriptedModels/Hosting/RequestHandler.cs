// The one terminal middleware of the server: classify, parse, record, pick the scripted reply, answer.
using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Zwarm.ScriptedModels.Protocols;
using Zwarm.ScriptedModels.Requests;
using Zwarm.ScriptedModels.Scripting;

namespace Zwarm.ScriptedModels.Hosting;

internal sealed class RequestHandler(
    ScriptRunner runner,
    RequestLog log,
    ScriptedModelServerOptions options,
    CancellationToken serverStopping)
{
    private readonly ResponsesWriter _responses = new(options.TimeProvider);
    private readonly ChatCompletionsWriter _chat = new(options.TimeProvider);
    private readonly AnthropicWriter _anthropic = new();
    private readonly GeminiWriter _gemini = new();
    private int _requestCount;
    private int _callCount;

    public async Task HandleAsync(HttpContext context)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, serverStopping);
        var cancellationToken = linked.Token;
        try
        {
            await HandleCoreAsync(context, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away or the server is stopping (a stall ends here). Reset the connection so a
            // client still waiting sees a failure, never a clean empty reply.
            context.Abort();
        }
        catch (IOException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client disconnected mid-write.
        }
    }

    private async Task HandleCoreAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var http = context.Request;
        var api = Classify(http.Method, http.Path.Value ?? "/");
        var body = await ReadBodyAsync(http, cancellationToken);
        var json = Json.TryParse(body);
        if (api == ModelApi.GeminiGenerateContent && GeminiBodyParser.AsksForJson(json) && !GeminiBodyParser.FromPath(http.Path.Value ?? "").Stream)
        {
            api = ModelApi.GeminiUtility;
        }
        var parsed = api switch
        {
            ModelApi.OpenAIResponses => ResponsesBodyParser.Parse(json),
            ModelApi.OpenAIChatCompletions => ChatCompletionsBodyParser.Parse(json),
            ModelApi.AnthropicMessages or ModelApi.AnthropicCountTokens => AnthropicBodyParser.Parse(json),
            ModelApi.GeminiGenerateContent or ModelApi.GeminiCountTokens or ModelApi.GeminiUtility =>
                GeminiBodyParser.Parse(json, http.Path.Value ?? ""),
            _ => ParsedBody.Empty,
        };
        var key = ApiKey(http);
        var number = Interlocked.Increment(ref _requestCount);
        var isTitle = TitleRequests.IsTitleRequest(api, parsed);
        var isModelCall = (api is ModelApi.OpenAIResponses or ModelApi.OpenAIChatCompletions or ModelApi.AnthropicMessages
            or ModelApi.GeminiGenerateContent) && !isTitle;
        // A CLI's own background call (SideRequests) is answered without the script and is not one of ModelCalls.
        var side = isModelCall ? SideRequests.Reason(parsed.Messages) : null;
        var request = new ModelRequest(
            number, api, http.Method, http.Path.Value + http.QueryString.Value, parsed.Model ?? Json.String(json, "model"),
            (isModelCall || isTitle) && parsed.Stream, key.Length > 0, body, parsed.Messages, parsed.ToolNames)
        {
            CallNumber = isModelCall && side is null ? Interlocked.Increment(ref _callCount) : 0,
        };
        context.Response.Headers["x-request-id"] = $"req_{number}";
        context.Response.Headers["request-id"] = $"req_{number}";

        if (isTitle)
        {
            log.Add(request with { MatchedRule = TitleRequests.RuleName });
            await ReplyDelivery.DeliverAsync(context, request, TitleRequests.Reply(request), _chat, options.TimeProvider, cancellationToken);
            return;
        }
        if (side is not null)
        {
            log.Add(request with { MatchedRule = "side request: " + side });
            await ReplyDelivery.DeliverAsync(context, request, SideRequests.Reply, WriterFor(api), options.TimeProvider, cancellationToken);
            return;
        }

        if (!isModelCall)
        {
            log.Add(request);
            await AnswerOtherAsync(context, request, cancellationToken);
            return;
        }

        var writer = WriterFor(api);
        if (options.RequiredApiKey is { } required && key != required)
        {
            log.Add(request with { MatchedRule = "api key check" });
            await WriteJsonAsync(context, 401, writer.ErrorBody(401, "Incorrect API key provided"), cancellationToken);
            return;
        }

        (string Rule, ScriptedReply Reply)? selected;
        try
        {
            selected = runner.Select(request);
        }
        catch (Exception e)
        {
            log.Add(request with { MatchedRule = "script error" });
            await WriteJsonAsync(context, 500, writer.ErrorBody(500, $"The script threw: {e.Message}"), cancellationToken);
            return;
        }

        if (selected is not { } match)
        {
            log.Add(request);
            var message = $"No scripted rule matched request #{number} ({api}, last user text: \"{Truncate(request.LastUserText, 200)}\")";
            await WriteJsonAsync(context, 500, writer.ErrorBody(500, message), cancellationToken);
            return;
        }

        log.Add(request with { MatchedRule = match.Rule });
        await ReplyDelivery.DeliverAsync(context, request, match.Reply, writer, options.TimeProvider, cancellationToken);
    }

    private IProtocolWriter WriterFor(ModelApi api) => api switch
    {
        ModelApi.OpenAIResponses => _responses,
        ModelApi.OpenAIChatCompletions => _chat,
        ModelApi.GeminiGenerateContent => _gemini,
        _ => _anthropic,
    };

    private static async Task AnswerOtherAsync(HttpContext context, ModelRequest request, CancellationToken cancellationToken)
    {
        var path = context.Request.Path.Value?.TrimEnd('/') ?? "";
        if (request.Api == ModelApi.AnthropicCountTokens)
        {
            // A rough estimate (~4 characters a token) is all Claude Code uses it for.
            var tokens = Math.Max(1, request.Body.Length / 4);
            await WriteJsonAsync(context, 200, new JsonObject { ["input_tokens"] = tokens }, cancellationToken);
        }
        else if (request.Api == ModelApi.GeminiCountTokens)
        {
            await WriteJsonAsync(context, 200, new JsonObject { ["totalTokens"] = Math.Max(1, request.Body.Length / 4) }, cancellationToken);
        }
        else if (request.Api == ModelApi.GeminiUtility)
        {
            await WriteJsonAsync(context, 200, GeminiSideReply.Build(request), cancellationToken);
        }
        else if (HttpMethods.IsHead(request.Method))
        {
            context.Response.StatusCode = 200;
        }
        else if (HttpMethods.IsGet(request.Method) && path.EndsWith("/models", StringComparison.Ordinal))
        {
            await WriteJsonAsync(context, 200, IsGemini(path) ? ModelList.BuildGemini() : ModelList.Build(), cancellationToken);
        }
        else if (HttpMethods.IsGet(request.Method) && path.Contains("/models/", StringComparison.Ordinal))
        {
            var id = path[(path.LastIndexOf('/') + 1)..];
            await WriteJsonAsync(context, 200, IsGemini(path) ? ModelList.GeminiModel(id) : ModelList.Model(id), cancellationToken);
        }
        else if (HttpMethods.IsGet(request.Method))
        {
            await WriteJsonAsync(context, 200, new JsonObject(), cancellationToken);
        }
        else
        {
            await WriteJsonAsync(context, 404, OpenAIErrors.Body(404, $"No such endpoint: {request.Method} {request.Path}"), cancellationToken);
        }
    }

    /// <summary>Google's API versions (<c>/v1beta/...</c>, <c>/v1alpha/...</c>) rather than OpenAI's <c>/v1/...</c>.</summary>
    private static bool IsGemini(string path) =>
        path.StartsWith("/v1beta/", StringComparison.Ordinal) || path.StartsWith("/v1alpha/", StringComparison.Ordinal);

    internal static async Task WriteJsonAsync(HttpContext context, int status, JsonNode body, CancellationToken cancellationToken)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(Json.Write(body), cancellationToken);
    }

    private static ModelApi Classify(string method, string path)
    {
        if (!HttpMethods.IsPost(method)) return ModelApi.Other;
        path = path.TrimEnd('/');
        if (path.Contains("/models/", StringComparison.Ordinal))
        {
            // Gemini puts the method after the model: /v1beta/models/gemini-2.5-flash:streamGenerateContent
            if (path.EndsWith(":streamGenerateContent", StringComparison.Ordinal) || path.EndsWith(":generateContent", StringComparison.Ordinal))
            {
                return ModelApi.GeminiGenerateContent;
            }
            if (path.EndsWith(":countTokens", StringComparison.Ordinal)) return ModelApi.GeminiCountTokens;
        }
        if (path.EndsWith("/responses", StringComparison.Ordinal)) return ModelApi.OpenAIResponses;
        if (path.EndsWith("/chat/completions", StringComparison.Ordinal)) return ModelApi.OpenAIChatCompletions;
        if (path.EndsWith("/messages/count_tokens", StringComparison.Ordinal)) return ModelApi.AnthropicCountTokens;
        if (path.EndsWith("/messages", StringComparison.Ordinal)) return ModelApi.AnthropicMessages;
        return ModelApi.Other;
    }

    /// <summary>
    /// The key from <c>Authorization: Bearer</c>, <c>x-api-key</c>, Google's <c>x-goog-api-key</c> or <c>?key=</c>;
    /// used for the check, never stored.
    /// </summary>
    private static string ApiKey(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return authorization[7..].Trim();
        if (authorization.Length > 0) return authorization;
        if (request.Headers["x-api-key"].ToString() is { Length: > 0 } key) return key;
        if (request.Headers["x-goog-api-key"].ToString() is { Length: > 0 } googleKey) return googleKey;
        return request.Query["key"].ToString();
    }

    private static async Task<string> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        Stream body = request.Headers.ContentEncoding.ToString().ToLowerInvariant() switch
        {
            "gzip" => new GZipStream(request.Body, CompressionMode.Decompress),
            "deflate" => new ZLibStream(request.Body, CompressionMode.Decompress),
            "br" => new BrotliStream(request.Body, CompressionMode.Decompress),
            _ => request.Body,
        };
        await using (body)
        {
            using var reader = new StreamReader(body, Encoding.UTF8);
            return await reader.ReadToEndAsync(cancellationToken);
        }
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max] + "…";
}
