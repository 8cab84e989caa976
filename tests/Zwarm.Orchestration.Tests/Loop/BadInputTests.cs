// Bad input never crashes a run: a missing task is a usage error before anything starts; a bad tool call is an
// error result the model can read; a failing model server ends the run as failed, with one clear line and the state saved.
using System.Net;
using System.Net.Sockets;
using Zwarm.Core;
using Zwarm.Orchestration.Instances;
using Zwarm.Orchestration.Llm;
using Zwarm.Orchestration.Loop;
using Zwarm.Orchestration.Tests.Support;
using Zwarm.ScriptedModels;
using Zwarm.ScriptedModels.Scripting;

namespace Zwarm.Orchestration.Tests.Loop;

public sealed class BadInputTests : IDisposable
{
    private readonly CancellationToken _ct = TestTimeout.After(90);
    private readonly OrchestrationWorld _world = new();

    public void Dispose() => _world.Dispose();

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public async Task No_task_is_a_usage_error_and_creates_no_instance(string? task)
    {
        await using var server = await ScriptedModelServer.StartAsync(ModelScript.Always(Reply.Text("x")), _ct);

        var e = await Assert.ThrowsAsync<ZwarmException>(() => _world.Orchestrator(server).RunAsync(new OrchestratorRequest { Task = task }, _ct));

        Assert.Equal(ErrorKind.Usage, e.Kind);
        Assert.Contains("no task", e.Message);
        Assert.Empty(server.ModelCalls);
        Assert.Empty(_world.Store.List().Instances);
    }

    [Fact]
    public async Task Unknown_adapter_and_a_working_dir_outside_the_allowed_ones_are_error_results_the_model_reads()
    {
        var outside = Path.Combine(_world.Root, "outside");
        Directory.CreateDirectory(outside);
        Directory.CreateSymbolicLink(Path.Combine(_world.WorkDir, "escape"), outside);
        var script = new OrchestratorScript()
            .Call("delegate", """{"task":"x","adapter":"aider"}""")
            .Call("delegate", $$"""{"task":"x","working_dir":{{OrchestratorScript.Json(outside)}}}""")
            .Call("delegate", """{"task":"x","working_dir":"escape"}""")
            .Call("delegate", """{"task":"x","working_dir":"../outside"}""")
            .Call("delegate", """{"task":"x","sandbox":"yolo"}""")
            .Call("exit", """{"summary":"nothing could be delegated"}""");
        await using var server = await ScriptedModelServer.StartAsync(script.ToModelScript(), _ct);

        var result = await _world.Orchestrator(server).RunAsync(new OrchestratorRequest { Task = "try" }, _ct);

        Assert.Equal(InstanceStatus.Completed, result.Status);
        Assert.Empty(result.Sessions);
        var errors = _world.EventsOf<ToolReturned>().Where(r => r.Name == "delegate").ToList();
        Assert.Equal(5, errors.Count);
        Assert.All(errors, e => Assert.True(e.IsError));
        Assert.Contains("Unknown adapter 'aider'", errors[0].Result);
        Assert.Contains("codex", errors[0].Result);
        Assert.All(errors.Skip(1).Take(3), e => Assert.Contains("outside the allowed directories", e.Result));
        Assert.Contains("unknown sandbox 'yolo'", errors[4].Result);
        // The model got each error as the call's result.
        Assert.Contains("Unknown adapter", script.Requests[1].ToolResults.Last().Output);
    }

    [Theory]
    [InlineData(LlmProvider.OpenAI)]
    [InlineData(LlmProvider.OpenAIChat)]
    [InlineData(LlmProvider.Anthropic)]
    public async Task A_model_server_error_fails_the_run_with_one_clear_line_and_the_state_saved(LlmProvider provider)
    {
        await using var server = await ScriptedModelServer.StartAsync(ModelScript.Always(Reply.ServerError("the model is on fire")), _ct);

        var result = await _world.Orchestrator(server, provider).RunAsync(new OrchestratorRequest { Task = "anything" }, _ct);

        Assert.Equal(InstanceStatus.Failed, result.Status);
        Assert.Contains("500", result.Reason);
        Assert.Contains("the model is on fire", result.Reason);
        Assert.Contains(server.BaseUrl, result.Reason);
        Assert.DoesNotContain("\n", result.Reason);
        Assert.DoesNotContain("   at ", result.Reason);
        var state = _world.Store.LoadOrThrow(result.InstanceId);
        Assert.Equal(InstanceStatus.Failed, state.Status);
        Assert.Equal(result.Reason, state.Error);
        Assert.Contains(_world.Store.ReadEvents(result.InstanceId), e => e.Kind == EventKinds.Error);
    }

    [Fact]
    public async Task A_rejected_key_is_reported_as_such()
    {
        await using var server = await ScriptedModelServer.StartAsync(ModelScript.Always(Reply.Text("x")),
            new ScriptedModelServerOptions { RequiredApiKey = "the-right-key" }, _ct);

        var result = await _world.Orchestrator(server).RunAsync(new OrchestratorRequest { Task = "anything" }, _ct);

        Assert.Equal(InstanceStatus.Failed, result.Status);
        Assert.Contains("401", result.Reason);
    }

    [Theory]
    [InlineData(LlmProvider.OpenAI, false)]
    [InlineData(LlmProvider.OpenAIChat, false)]
    [InlineData(LlmProvider.Anthropic, false)]
    [InlineData(LlmProvider.OpenAI, true)]
    [InlineData(LlmProvider.OpenAIChat, true)]
    [InlineData(LlmProvider.Anthropic, true)]
    public async Task A_stream_that_fails_or_breaks_off_fails_the_run_cleanly(LlmProvider provider, bool cut)
    {
        ScriptedReply reply = cut ? Reply.CutStream(new TextPart("Let me")) : Reply.StreamError("overloaded", new TextPart("Let me"));
        await using var server = await ScriptedModelServer.StartAsync(ModelScript.Always(reply), _ct);

        var result = await _world.Orchestrator(server, provider).RunAsync(new OrchestratorRequest { Task = "anything" }, _ct);

        Assert.True(result.Status == InstanceStatus.Failed, $"{result.Status}: {result.Reason}");
        Assert.Equal(0, result.TotalSteps);
        // The Chat Completions SDK drops an in-band error chunk; what is left to tell is that the reply never finished.
        Assert.Contains(cut ? "stream" : provider == LlmProvider.OpenAIChat ? "finish reason" : "overloaded", result.Reason);
        Assert.DoesNotContain("\n", result.Reason);
    }

    [Fact]
    public async Task An_unreachable_endpoint_is_one_line()
    {
        var port = FreePort();
        var llm = new LlmSettings { BaseUrl = $"http://127.0.0.1:{port}/v1", MaxRetries = 0 };
        var factory = new ChatClientFactory(_world.Context.Environment);
        var endpoint = factory.Resolve(llm);
        var orchestrator = new Orchestrator(new OrchestratorSetup
        {
            Sessions = _world.Sessions, Client = factory.Create(llm), Endpoint = endpoint,
            Config = _world.Config with { Orchestrator = _world.Config.Orchestrator with { Llm = llm } },
        });

        var result = await orchestrator.RunAsync(new OrchestratorRequest { Task = "anything" }, _ct);

        Assert.Equal(InstanceStatus.Failed, result.Status);
        Assert.Contains("cannot connect", result.Reason);
        Assert.Contains($"127.0.0.1:{port}", result.Reason);
    }

    [Fact]
    public void A_missing_key_for_the_public_endpoint_is_a_config_error_naming_the_variable()
    {
        var factory = new ChatClientFactory(new Dictionary<string, string?>());

        var openai = Assert.Throws<ZwarmException>(() => factory.Resolve(new LlmSettings()));
        var anthropic = Assert.Throws<ZwarmException>(() => factory.Resolve(new LlmSettings { Provider = LlmProvider.Anthropic }));
        var chat = Assert.Throws<ZwarmException>(() => factory.Resolve(new LlmSettings { Provider = LlmProvider.OpenAIChat }));

        Assert.Equal(ErrorKind.Config, openai.Kind);
        Assert.Contains("OPENAI_API_KEY is not set", openai.Message);
        Assert.Contains("ANTHROPIC_API_KEY is not set", anthropic.Message);
        Assert.Contains("no model set for provider openai-chat", chat.Message);
    }

    [Fact]
    public void Endpoint_comes_from_settings_then_the_sdk_variable_and_a_local_server_needs_no_key()
    {
        var env = new Dictionary<string, string?> { ["OPENAI_BASE_URL"] = "http://127.0.0.1:11434/v1", ["ANTHROPIC_API_KEY"] = "k" };
        var factory = new ChatClientFactory(env);

        var fromEnv = factory.Resolve(new LlmSettings { Provider = LlmProvider.OpenAIChat, Model = "llama3.1" });
        var fromSettings = factory.Resolve(new LlmSettings { BaseUrl = "http://localhost:8000/v1" });
        var anthropic = factory.Resolve(new LlmSettings { Provider = LlmProvider.Anthropic });

        Assert.Equal("http://127.0.0.1:11434/v1", fromEnv.BaseUrl.ToString().TrimEnd('/'));
        Assert.Equal("none", fromEnv.KeySource);
        Assert.Equal("http://localhost:8000/v1", fromSettings.BaseUrl.ToString().TrimEnd('/'));
        Assert.Equal("https://api.anthropic.com/", anthropic.BaseUrl.ToString());
        Assert.Equal("ANTHROPIC_API_KEY", anthropic.KeySource);
        Assert.Equal("claude-sonnet-4-6", anthropic.Model);
        Assert.DoesNotContain("k", anthropic.Describe().Replace("anthropic", "").Replace("api.anthropic.com", ""));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
