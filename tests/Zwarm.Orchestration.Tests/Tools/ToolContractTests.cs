// The one tool contract: schemas generated from the typed argument records (descriptions, required, enums, no
// extra properties), the lenient reader every face shares, and the faces' filters (read-only, no loop tools).
using System.Text.Json;
using Zwarm.Core.Agents;
using Zwarm.Orchestration.Tests.Support;
using Zwarm.Orchestration.Tools;

namespace Zwarm.Orchestration.Tests.Tools;

public sealed class ToolContractTests : IDisposable
{
    private readonly CancellationToken _ct = TestTimeout.After(60);
    private readonly OrchestrationWorld _world = new();

    public void Dispose() => _world.Dispose();

    private SessionTools Tools(Func<SessionToolOptions, SessionToolOptions>? change = null)
    {
        var options = new SessionToolOptions
        {
            Source = "orchestrator:t", AllowedDirectories = [_world.WorkDir], WorkingDirectory = _world.WorkDir,
        };
        return new(_world.Sessions, change is null ? options : change(options));
    }

    private static Dictionary<string, object?> Args(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!.ToDictionary(kv => kv.Key, kv => (object?)kv.Value);

    [Fact]
    public void Delegate_schema_is_generated_from_its_argument_record()
    {
        var schema = Tools().Offered.Single(t => t.Name == "delegate").Schema(Tools());

        Assert.Equal("object", schema.GetProperty("type").GetString());
        Assert.False(schema.GetProperty("additionalProperties").GetBoolean());
        Assert.Equal(["task"], schema.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        var properties = schema.GetProperty("properties");
        Assert.Equal(["task", "adapter", "model", "working_dir", "sandbox", "isolation"], properties.EnumerateObject().Select(p => p.Name));
        Assert.Equal("string", properties.GetProperty("model").GetProperty("type").GetString());
        Assert.Contains("allowed directories", properties.GetProperty("working_dir").GetProperty("description").GetString());
        Assert.Contains("codex", properties.GetProperty("adapter").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Every_declaration_carries_the_schema_of_its_tool()
    {
        var tools = Tools();

        foreach (var declaration in tools.Declarations.OfType<Microsoft.Extensions.AI.AIFunctionDeclaration>())
        {
            var schema = declaration.JsonSchema;
            Assert.Equal("object", schema.GetProperty("type").GetString());
            Assert.All(schema.GetProperty("properties").EnumerateObject(),
                p => Assert.False(string.IsNullOrWhiteSpace(p.Value.GetProperty("description").GetString()), $"{declaration.Name}.{p.Name}"));
        }
        Assert.Equal("integer", tools.Declarations.OfType<Microsoft.Extensions.AI.AIFunctionDeclaration>()
            .Single(d => d.Name == "get_trajectory").JsonSchema.GetProperty("properties").GetProperty("turn").GetProperty("type").GetString());
    }

    [Fact]
    public async Task Sloppy_arguments_are_read_by_their_declared_types()
    {
        var tools = Tools();
        var started = await tools.InvokeAsync("delegate", Args("""{"task":"quick"}"""), _ct);
        var id = started.SessionIds[0];

        // A single id for a list, a number as a string.
        var waited = await tools.InvokeAsync("wait_for_sessions", Args($$"""{"ids":"{{id}}","timeout_seconds":"30"}"""), _ct);
        // A boolean as a string, a whole number as 1.0.
        var trajectory = await tools.InvokeAsync("get_trajectory", Args($$"""{"id":"{{id}}","full":"true","turn":1.0}"""), _ct);
        var badBool = await tools.InvokeAsync("list_sessions", Args("""{"all":"maybe"}"""), _ct);
        var badList = await tools.InvokeAsync("wait_for_sessions", Args("""{"ids":[1,2]}"""), _ct);
        var badTurn = await tools.InvokeAsync("get_trajectory", Args($$"""{"id":"{{id}}","turn":1.5}"""), _ct);

        Assert.False(waited.IsError, waited.ResultJson);
        Assert.Contains("\"timed_out\":false", waited.ResultJson);
        Assert.False(trajectory.IsError, trajectory.ResultJson);
        Assert.Contains("\"full\":true", trajectory.ResultJson);
        Assert.Contains("'all' must be true or false", badBool.ResultJson);
        Assert.Contains("'ids' must be a list of strings", badList.ResultJson);
        Assert.Contains("'turn' must be a whole number", badTurn.ResultJson);
        Assert.All(new[] { badBool, badList, badTurn }, o => Assert.True(o.IsError));
    }

    [Fact]
    public void Read_only_and_loop_free_options_offer_only_the_inspection_tools()
    {
        var tools = Tools(o => o with { ReadOnly = true, LoopToolsEnabled = false, BashEnabled = false });

        Assert.Equal(["check_session", "peek_session", "get_trajectory", "list_sessions", "diff_session", "wait_for_sessions"],
            tools.Offered.Select(t => t.Name));
    }

    [Fact]
    public async Task A_sandbox_above_the_ceiling_is_refused_and_the_default_is_lowered_to_it()
    {
        var tools = Tools(o => o with { MaxSandbox = SandboxMode.ReadOnly });

        var escalate = await tools.InvokeAsync("delegate", Args("""{"task":"x","sandbox":"danger-full-access"}"""), _ct);
        var lowered = await tools.InvokeAsync("delegate", Args("""{"task":"y"}"""), _ct);

        Assert.True(escalate.IsError);
        Assert.Contains("above this server's ceiling", escalate.ResultJson);
        Assert.False(lowered.IsError, lowered.ResultJson);
        Assert.Contains("\"sandbox\":\"read-only\"", lowered.ResultJson);
        var schema = tools.Offered.Single(t => t.Name == "delegate").Schema(tools);
        Assert.Equal(["read-only"], schema.GetProperty("properties").GetProperty("sandbox").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
    }
}
