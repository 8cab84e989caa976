// A scriptable fake model server on 127.0.0.1 speaking the OpenAI Responses, OpenAI Chat Completions and
// Anthropic Messages APIs at once, so real agent CLIs and LLM SDKs can run against it with no network.
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Zwarm.ScriptedModels.Hosting;
using Zwarm.ScriptedModels.Requests;
using Zwarm.ScriptedModels.Scripting;

namespace Zwarm.ScriptedModels;

/// <summary>
/// <code>
/// await using var server = await ScriptedModelServer.StartAsync(ModelScript.Always(Reply.Text("hi")), ct);
/// // point a client at server.BaseUrl (Anthropic) or server.OpenAIBaseUrl (OpenAI), then assert on server.Requests
/// </code>
/// </summary>
public sealed class ScriptedModelServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly RequestLog _log;
    private readonly CancellationTokenSource _stopping;
    private readonly TimeSpan _shutdownTimeout;
    private int _disposed;

    private ScriptedModelServer(WebApplication app, RequestLog log, CancellationTokenSource stopping, ModelScript script,
        Uri baseUri, TimeSpan shutdownTimeout)
    {
        _app = app;
        _log = log;
        _stopping = stopping;
        _shutdownTimeout = shutdownTimeout;
        Script = script;
        Port = baseUri.Port;
        BaseUrl = $"http://127.0.0.1:{baseUri.Port}";
    }

    public ModelScript Script { get; }

    public int Port { get; }

    /// <summary><c>http://127.0.0.1:PORT</c>: the base URL for Anthropic clients (<c>ANTHROPIC_BASE_URL</c>).</summary>
    public string BaseUrl { get; }

    /// <summary><c>http://127.0.0.1:PORT/v1</c>: the base URL for OpenAI clients (Codex <c>base_url</c>, SDK endpoint).</summary>
    public string OpenAIBaseUrl => BaseUrl + "/v1";

    /// <summary>Every request so far (model calls, token counts, probes), in arrival order.</summary>
    public IReadOnlyList<ModelRequest> Requests => _log.Snapshot();

    /// <summary>Only the model calls (Responses, Chat Completions, Messages), in arrival order.</summary>
    public IReadOnlyList<ModelRequest> ModelCalls => [.. _log.Snapshot().Where(r => r.CallNumber > 0)];

    public static Task<ScriptedModelServer> StartAsync(ModelScript script, CancellationToken cancellationToken = default) =>
        StartAsync(script, new ScriptedModelServerOptions(), cancellationToken);

    public static async Task<ScriptedModelServer> StartAsync(ModelScript script, ScriptedModelServerOptions options,
        CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(ScriptedModelServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        // Nothing from appsettings.json or ASPNETCORE_* variables of the host process may add endpoints or change
        // behaviour: the server listens exactly where it is told, on loopback only.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, NullHostLifetime>();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = options.ShutdownTimeout);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Listen(IPAddress.Loopback, options.Port);
        });

        var app = builder.Build();
        var log = new RequestLog();
        var stopping = new CancellationTokenSource();
        var handler = new RequestHandler(new ScriptRunner(script), log, options, stopping.Token);
        app.Run(handler.HandleAsync);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            stopping.Dispose();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
        return new ScriptedModelServer(app, log, stopping, script, new Uri(address), options.ShutdownTimeout);
    }

    /// <summary>The first recorded request matching <paramref name="predicate"/>, waiting until one arrives.</summary>
    public Task<ModelRequest> WaitForRequestAsync(Func<ModelRequest, bool> predicate, CancellationToken cancellationToken) =>
        _log.WaitForAsync(predicate, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        // Release stalled replies first, so stopping does not wait out the shutdown timeout for them.
        await _stopping.CancelAsync();
        using (var timeout = new CancellationTokenSource(_shutdownTimeout))
        {
            try
            {
                await _app.StopAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                // Replies still running after the timeout are abandoned; the connections are closed below.
            }
        }
        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}
