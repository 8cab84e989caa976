// OpenTelemetry in place of Weave: with an OTLP endpoint, the run's spans (run, steps, watchers, tool calls) reach
// it over OTLP/HTTP. The collector here is a loopback HttpListener that records what is posted.
using System.Net;
using System.Text;
using Zwarm.Orchestration.Instances;
using Zwarm.Orchestration.Loop;
using Zwarm.Orchestration.Telemetry;
using Zwarm.Orchestration.Tests.Support;
using Zwarm.ScriptedModels;

namespace Zwarm.Orchestration.Tests.Telemetry;

public sealed class TracingTests
{
    [Fact]
    public async Task Steps_and_tool_calls_are_exported_over_otlp()
    {
        var ct = TestTimeout.After(60);
        var port = FreePort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var received = new List<(string Path, byte[] Body)>();
        var collector = Task.Run(async () =>
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }
                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body, ct);
                lock (received)
                {
                    received.Add((context.Request.Url!.AbsolutePath, body.ToArray()));
                }
                context.Response.StatusCode = 200;
                context.Response.Close();
            }
        }, ct);

        using var world = new OrchestrationWorld();
        var script = new OrchestratorScript().Call("list_sessions", "{}").Call("exit", """{"summary":"traced"}""");
        await using var server = await ScriptedModelServer.StartAsync(script.ToModelScript(), ct);
        OrchestratorResult result;
        using (Tracing.Start($"http://127.0.0.1:{port}", "http/protobuf", "test"))
        {
            result = await world.Orchestrator(server).RunAsync(new OrchestratorRequest { Task = "trace me" }, ct);
        }
        listener.Stop();
        await collector;

        Assert.Equal(InstanceStatus.Completed, result.Status);
        string all;
        lock (received)
        {
            Assert.NotEmpty(received);
            Assert.All(received, r => Assert.Equal("/v1/traces", r.Path));
            all = string.Concat(received.Select(r => Encoding.UTF8.GetString(r.Body)));
        }
        Assert.Contains("orchestrator.run", all);
        Assert.Contains("orchestrator.step", all);
        Assert.Contains("tool list_sessions", all);
        Assert.Contains("tool exit", all);
        Assert.Contains(result.InstanceId, all);
    }

    private static int FreePort()
    {
        using var l = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
