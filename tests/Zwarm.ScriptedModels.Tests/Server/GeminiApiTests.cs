using System.Text.Json.Nodes;
using Zwarm.ScriptedModels.Requests;
using Zwarm.ScriptedModels.Scripting;
using Zwarm.ScriptedModels.Tests.Support;

namespace Zwarm.ScriptedModels.Tests.Server;

public sealed class GeminiApiTests
{
    private const string StreamPath = "/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse";
    private const string WholePath = "/v1beta/models/gemini-2.5-flash:generateContent";

    private readonly CancellationToken _ct = TestTimeout.After();

    [Fact]
    public async Task Streaming_sends_bare_data_chunks_and_finishes_the_last_with_usage()
    {
        await using var server = await ScriptedModelServer.StartAsync(ModelScript.Always(Reply.ReasoningThenText("hmm", "Hi there")), _ct);
        using var client = GoogleClient(server);

        var (status, contentType, events) = await ServerHttp.PostStreamAsync(client, StreamPath, Body("hi"), _ct);

        Assert.Equal(200, status);
        Assert.Equal("text/event-stream", contentType);
        Assert.All(events, e => Assert.Null(e.Name));
        var parts = events.Select(e => e.Json["candidates"]![0]!["content"]!["parts"]![0]!).ToList();
        Assert.True((bool)parts[0]["thought"]!);
        Assert.Equal("hmm", (string)parts[0]["text"]!);
        Assert.Equal("Hi there", string.Concat(parts.Skip(1).Select(p => (string)p["text"]!)));
        Assert.All(events.SkipLast(1), e => Assert.Null(e.Json["usageMetadata"]));
        var last = events[^1].Json;
        Assert.Equal("STOP", (string)last["candidates"]![0]!["finishReason"]!);
        Assert.Equal(101, (int)last["usageMetadata"]!["promptTokenCount"]!);
        Assert.Equal(20, (int)last["usageMetadata"]!["candidatesTokenCount"]!);
        Assert.Equal("gemini-2.5-flash", (string)last["modelVersion"]!);
    }

    [Fact]
    public async Task Shell_call_is_a_run_shell_command_function_call_with_an_id()
    {
        await using var server = await ScriptedModelServer.StartAsync(ModelScript.Always(Reply.Shell("ls -la")), _ct);
        using var client = GoogleClient(server);

        var (_, _, events) = await ServerHttp.PostStreamAsync(client, StreamPath, Body("hi", tools: ["read_file", "run_shell_command"]), _ct);

        var call = Assert.Single(events).Json["candidates"]![0]!["content"]!["parts"]![0]!["functionCall"]!;
        Assert.Equal("run_shell_command", (string)call["name"]!);
        Assert.Equal("call_1_1", (string)call["id"]!);
        Assert.Equal("ls -la", (string)call["args"]!["command"]!);
    }

    [Fact]
    public async Task Non_streaming_reply_has_every_part_and_a_write_file_resolved_against_the_workspace()
    {
        await using var server = await ScriptedModelServer.StartAsync(ModelScript.Always(Reply.WriteFile("a.txt", "data", preface: "Writing.")), _ct);
        using var client = GoogleClient(server);

        var (status, body) = await ServerHttp.PostJsonAsync(client, WholePath, Body("hi", tools: ["write_file"]), _ct);

        Assert.Equal(200, status);
        var parts = body["candidates"]![0]!["content"]!["parts"]!.AsArray();
        Assert.Equal("Writing.", (string)parts[0]!["text"]!);
        var write = parts[1]!["functionCall"]!;
        Assert.Equal("write_file", (string)write["name"]!);
        Assert.Equal("/home/dev/proj/a.txt", (string)write["args"]!["file_path"]!);
        Assert.Equal("data", (string)write["args"]!["content"]!);
        Assert.Equal(121, (int)body["usageMetadata"]!["totalTokenCount"]!);
    }

    [Fact]
    public async Task Request_is_normalized_from_contents_parts_and_function_declarations()
    {
        await using var server = await ScriptedModelServer.StartAsync(ModelScript.Always(Reply.Text("ok")), _ct);
        using var client = GoogleClient(server);
        var body = Body("RUNTOOL: echo hi", tools: ["run_shell_command", "write_file"]);
        body["contents"]!.AsArray().Add(new JsonObject
        {
            ["role"] = "model",
            ["parts"] = new JsonArray(
                new JsonObject { ["text"] = "thinking it over", ["thought"] = true },
                new JsonObject
                {
                    ["functionCall"] = new JsonObject
                    {
                        ["id"] = "c1", ["name"] = "run_shell_command", ["args"] = new JsonObject { ["command"] = "echo hi" },
                    },
                }),
        });
        body["contents"]!.AsArray().Add(new JsonObject
        {
            ["role"] = "user",
            ["parts"] = new JsonArray(new JsonObject
            {
                ["functionResponse"] = new JsonObject
                {
                    ["id"] = "c1", ["name"] = "run_shell_command", ["response"] = new JsonObject { ["output"] = "hi" },
                },
            }),
        });

        await ServerHttp.PostStreamAsync(client, StreamPath, body, _ct);

        var request = Assert.Single(server.ModelCalls);
        Assert.Equal(ModelApi.GeminiGenerateContent, request.Api);
        Assert.Equal("gemini-2.5-flash", request.Model);
        Assert.True(request.Stream);
        Assert.True(request.HasAuthorization);
        Assert.Equal("RUNTOOL: echo hi", request.LastUserText);
        Assert.Equal("/home/dev/proj", request.WorkingDirectory);
        Assert.Equal(["run_shell_command", "write_file"], request.ToolNames);
        Assert.Equal("system", request.Messages[0].Role);
        var result = Assert.Single(request.PendingToolResults);
        Assert.Equal(("c1", "hi", false), (result.CallId, result.Output, result.IsError));
        Assert.Equal("{\"command\":\"echo hi\"}", request.FindToolCall("c1")!.Arguments);
        Assert.Empty(request.EarlierAssistantTexts);
    }

    [Fact]
    public async Task Unauthorized_has_a_Google_shaped_body_and_the_key_header_is_checked()
    {
        var options = new ScriptedModelServerOptions { RequiredApiKey = "right" };
        await using var server = await ScriptedModelServer.StartAsync(ModelScript.Always(Reply.Text("ok")), options, _ct);
        using var wrong = GoogleClient(server, "wrong");
        using var right = GoogleClient(server, "right");

        var (wrongStatus, error) = await ServerHttp.PostJsonAsync(wrong, StreamPath, Body("hi"), _ct);
        var (rightStatus, _) = await ServerHttp.PostJsonAsync(right, WholePath, Body("hi"), _ct);

        Assert.Equal(401, wrongStatus);
        Assert.Equal(401, (int)error["error"]!["code"]!);
        Assert.Equal("UNAUTHENTICATED", (string)error["error"]!["status"]!);
        Assert.Equal("Incorrect API key provided", (string)error["error"]!["message"]!);
        Assert.Equal(200, rightStatus);
    }

    [Fact]
    public async Task Side_requests_count_tokens_and_model_lists_never_take_a_scripted_reply()
    {
        var script = ModelScript.Empty.Once(Match.Any, Reply.Text("for the agent"));
        await using var server = await ScriptedModelServer.StartAsync(script, _ct);
        using var client = GoogleClient(server);
        var router = Body("hi");
        router["generationConfig"] = new JsonObject
        {
            ["responseMimeType"] = "application/json",
            ["responseJsonSchema"] = JsonNode.Parse("""
                {"type":"OBJECT","properties":{"complexity_reasoning":{"type":"STRING"},"complexity_score":{"type":"INTEGER"},
                 "next_speaker":{"type":"STRING","enum":["user","model"]}},"required":["complexity_reasoning","complexity_score"]}
                """),
        };

        var (routerStatus, routed) = await ServerHttp.PostJsonAsync(client, "/v1beta/models/gemini-3.5-flash-lite:generateContent", router, _ct);
        var (countStatus, counted) = await ServerHttp.PostJsonAsync(client, "/v1beta/models/gemini-2.5-flash:countTokens", Body("hi"), _ct);
        var models = JsonNode.Parse(await client.GetStringAsync("/v1beta/models", _ct))!;
        var (_, _, events) = await ServerHttp.PostStreamAsync(client, StreamPath, Body("hi"), _ct);

        Assert.Equal(200, routerStatus);
        var answer = JsonNode.Parse((string)routed["candidates"]![0]!["content"]!["parts"]![0]!["text"]!)!;
        Assert.Equal(1, (int)answer["complexity_score"]!);
        Assert.Equal("user", (string)answer["next_speaker"]!);
        Assert.Equal(200, countStatus);
        Assert.True((int)counted["totalTokens"]! > 0);
        Assert.Contains(models["models"]!.AsArray(), m => (string)m!["name"]! == "models/gemini-2.5-flash");
        Assert.Equal("for the agent", string.Concat(events.Select(e => (string)e.Json["candidates"]![0]!["content"]!["parts"]![0]!["text"]!)));
        Assert.Equal([ModelApi.GeminiUtility, ModelApi.GeminiCountTokens, ModelApi.Other, ModelApi.GeminiGenerateContent],
            server.Requests.Select(r => r.Api));
        Assert.Equal(1, Assert.Single(server.ModelCalls).CallNumber);
    }

    [Fact]
    public async Task Stream_error_ends_with_a_Google_error_object_and_a_cut_stream_has_no_finish_reason()
    {
        var script = ModelScript.Empty
            .Once(Match.CallNumber(1), Reply.StreamError("model exploded", new TextPart("partial")))
            .Otherwise(Reply.CutStream(new TextPart("half")));
        await using var server = await ScriptedModelServer.StartAsync(script, _ct);
        using var client = GoogleClient(server);

        var (_, _, failed) = await ServerHttp.PostStreamAsync(client, StreamPath, Body("hi"), _ct);
        var (_, _, cut) = await ServerHttp.PostStreamAsync(client, StreamPath, Body("hi"), _ct);

        Assert.Equal("partial", (string)failed[0].Json["candidates"]![0]!["content"]!["parts"]![0]!["text"]!);
        Assert.Equal("model exploded", (string)failed[^1].Json["error"]!["message"]!);
        Assert.Equal(500, (int)failed[^1].Json["error"]!["code"]!);
        Assert.Equal("half", (string)Assert.Single(cut).Json["candidates"]![0]!["content"]!["parts"]![0]!["text"]!);
        Assert.Null(cut[0].Json["candidates"]![0]!["finishReason"]);
        Assert.Null(cut[0].Json["usageMetadata"]);
    }

    private static HttpClient GoogleClient(ScriptedModelServer server, string key = "test-key")
    {
        var client = ServerHttp.Client(server, apiKey: null);
        client.DefaultRequestHeaders.Add("x-goog-api-key", key);
        return client;
    }

    /// <summary>What Gemini CLI 0.61 sends first: its session context and the prompt as two parts of one user content.</summary>
    private static JsonObject Body(string prompt, string[]? tools = null) => new()
    {
        ["contents"] = new JsonArray(new JsonObject
        {
            ["role"] = "user",
            ["parts"] = new JsonArray(
                new JsonObject
                {
                    ["text"] = "<session_context>\nThis is the Gemini CLI.\n- **Workspace Directories:**\n  - /home/dev/proj\n</session_context>",
                },
                new JsonObject { ["text"] = prompt }),
        }),
        ["systemInstruction"] = new JsonObject { ["parts"] = new JsonArray(new JsonObject { ["text"] = "be brief" }) },
        ["tools"] = new JsonArray(new JsonObject
        {
            ["functionDeclarations"] = new JsonArray([.. (tools ?? []).Select(t => (JsonNode?)new JsonObject { ["name"] = t })]),
        }),
    };
}
