// opencode's extra title request on a session's first turn is answered apart from the script: it must not take the
// reply meant for the agent's turn, whichever of the two arrives first.
using System.Text.Json.Nodes;
using Zwarm.ScriptedModels.Agents;
using Zwarm.ScriptedModels.Scripting;
using Zwarm.ScriptedModels.Tests.Support;

namespace Zwarm.ScriptedModels.Tests.Server;

public sealed class OpenCodeTitleRequestTests : IDisposable
{
    private readonly CancellationToken _ct = TestTimeout.After();
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static JsonObject TitleBody(string prompt) => new()
    {
        ["model"] = "gpt-5.5",
        ["stream"] = false,
        ["messages"] = new JsonArray
        {
            new JsonObject { ["role"] = "system", ["content"] = "You are a title generator. You output ONLY a thread title." },
            new JsonObject { ["role"] = "user", ["content"] = $"\"{prompt}\"" },
        },
    };

    [Fact]
    public async Task A_title_request_gets_a_title_and_leaves_the_scripted_reply_for_the_turn()
    {
        await using var server = await ScriptedModelServer.StartAsync(ModelScript.Empty.Once(Match.Any, Reply.Shell("echo hi")), _ct);
        using var client = ServerHttp.Client(server);

        var (titleStatus, title) = await ServerHttp.PostJsonAsync(client, "/v1/chat/completions", TitleBody("Create greeting.txt with a greeting now please"), _ct);
        var agentBody = ServerHttp.ChatBody("Create greeting.txt", stream: false);
        agentBody["tools"] = new JsonArray { new JsonObject { ["type"] = "function", ["function"] = new JsonObject { ["name"] = "bash" } } };
        var (_, turn) = await ServerHttp.PostJsonAsync(client, "/v1/chat/completions", agentBody, _ct);

        Assert.Equal(200, titleStatus);
        Assert.Equal("Create greeting.txt with a greeting now", (string)title["choices"]![0]!["message"]!["content"]!);
        Assert.Equal("bash", (string)turn["choices"]![0]!["message"]!["tool_calls"]![0]!["function"]!["name"]!);
        var call = Assert.Single(server.ModelCalls);
        Assert.Equal(1, call.CallNumber);
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal("opencode title request", server.Requests[0].MatchedRule);
        Assert.Equal(0, server.Requests[0].CallNumber);
    }

    [Fact]
    public async Task A_request_with_tools_is_never_taken_for_a_title_request()
    {
        await using var server = await ScriptedModelServer.StartAsync(ModelScript.Always(Reply.Text("scripted")), _ct);
        using var client = ServerHttp.Client(server);
        var body = TitleBody("x");
        body["tools"] = new JsonArray { new JsonObject { ["type"] = "function", ["function"] = new JsonObject { ["name"] = "bash" } } };

        var (_, reply) = await ServerHttp.PostJsonAsync(client, "/v1/chat/completions", body, _ct);

        Assert.Equal("scripted", (string)reply["choices"]![0]!["message"]!["content"]!);
        Assert.Single(server.ModelCalls);
    }

    [Fact]
    public void OpenCode_environment_routes_to_the_server_and_isolates_every_xdg_folder()
    {
        var env = AgentCliEnvironment.ForOpenCode("http://127.0.0.1:4321", _temp.Path, new OpenCodeEnvironmentOptions { Permission = """{"bash":"ask"}""" });

        var config = JsonNode.Parse(env.Variables["OPENCODE_CONFIG_CONTENT"]!)!;
        Assert.Equal("scripted/gpt-5.5", (string)config["model"]!);
        Assert.Equal("http://127.0.0.1:4321/v1", (string)config["provider"]!["scripted"]!["options"]!["baseURL"]!);
        Assert.Equal("@ai-sdk/openai-compatible", (string)config["provider"]!["scripted"]!["npm"]!);
        Assert.Equal("1", env.Variables["OPENCODE_DISABLE_MODELS_FETCH"]);
        Assert.Equal("""{"bash":"ask"}""", env.Variables["OPENCODE_PERMISSION"]);
        foreach (var name in (string[])["XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "HOME"])
        {
            Assert.StartsWith(_temp.Path, env.Variables[name]);
            Assert.True(Directory.Exists(env.Variables[name]), name);
        }
        Assert.Equal(AgentCli.OpenCode, env.Cli);
        Assert.Equal("opencode", AgentBinaries.ExecutableName(AgentCli.OpenCode));
        Assert.Equal("ZWARM_OPENCODE_BIN", AgentBinaries.VariableFor(AgentCli.OpenCode));
    }
}
