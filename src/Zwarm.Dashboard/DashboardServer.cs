// `zwarm dashboard`: Kestrel on 127.0.0.1 (another address only when the user insists), every request through the
// DashboardGate, the API of docs/dashboard.md (the contract with the UI), the embedded UI, and the live streams fed
// by the StoreWatcher. Started and stopped by the CLI verb (or a test); it prints nothing itself.
using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Zwarm.Core;
using Zwarm.Core.Sessions;
using Zwarm.Dashboard.Api;
using Zwarm.Dashboard.Assets;
using Zwarm.Dashboard.Live;
using Zwarm.Dashboard.Security;
using Zwarm.Http;

namespace Zwarm.Dashboard;

public sealed class DashboardServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly StoreWatcher _watcher;
    private readonly DashboardContext _dashboard;

    private DashboardServer(WebApplication app, StoreWatcher watcher, DashboardContext dashboard, Uri baseUrl, string token)
    {
        _app = app;
        _watcher = watcher;
        _dashboard = dashboard;
        BaseUrl = baseUrl;
        Token = token;
    }

    /// <summary>http://HOST:PORT/ the server answers on.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The access token (never logged; the printed URL carries it, as Jupyter's does).</summary>
    public string Token { get; }

    /// <summary>The URL to open: it sets the cookie and redirects to the board.</summary>
    public Uri LoginUrl => new(BaseUrl, "/?token=" + Token);

    /// <summary>Listens, and serves until <see cref="DisposeAsync"/>. A busy port or a bad address is a one-line ZwarmException.</summary>
    public static async Task<DashboardServer> StartAsync(SessionService sessions, DashboardSettings settings, CancellationToken cancellationToken)
    {
        if (!IPAddress.TryParse(settings.Host, out var address))
        {
            throw new ZwarmException(ErrorKind.Usage, $"--host must be an IP address, not '{settings.Host}'");
        }
        var token = settings.NewToken ? BearerToken.Renew(settings.TokenFile) : BearerToken.LoadOrCreate(settings.TokenFile);
        var hub = new EventHub();
        var dashboard = new DashboardContext(sessions, settings, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), hub);
        var gate = new DashboardGate(dashboard);
        var app = Build(address, settings.Port);
        app.Use(ErrorMapping.HandleAsync);
        app.Use(gate.HandleAsync);
        Map(app, dashboard);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw new ZwarmException(ErrorKind.State, $"cannot listen on {settings.Host}:{settings.Port} ({e.Message}); choose another --port");
        }
        var port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        var loopback = IPAddress.IsLoopback(address);
        gate.Guard = new LoopbackRequestGuard(port, token, loopback ? null : settings.Host);
        var watcher = new StoreWatcher(dashboard);
        watcher.Start();
        var host = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{settings.Host}]" : settings.Host;
        return new DashboardServer(app, watcher, dashboard, new Uri($"http://{(loopback ? "127.0.0.1" : host)}:{port}/"), token);
    }

    private static WebApplication Build(IPAddress address, int port)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = "zwarm",
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        // Nothing from appsettings.json or ASPNETCORE_* variables may add endpoints (say on 0.0.0.0) or logging.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, QuietHostLifetime>();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(address, port);
        });
        return builder.Build();
    }

    private static void Map(WebApplication app, DashboardContext dashboard)
    {
        var sessions = new SessionEndpoints(dashboard);
        var actions = new ActionEndpoints(dashboard);
        var runs = new RunEndpoints(dashboard);
        var live = new LiveEndpoints(dashboard);
        app.MapGet("/", EmbeddedAssets.IndexAsync);
        app.MapGet("/assets/{**path}", EmbeddedAssets.AssetAsync);
        app.MapGet("/api/info", new InfoEndpoint(dashboard).GetAsync);
        app.MapGet("/api/sessions", sessions.ListAsync);
        app.MapGet("/api/sessions/{id}", sessions.ShowAsync);
        app.MapGet("/api/sessions/{id}/trajectory", sessions.TrajectoryAsync);
        app.MapGet("/api/sessions/{id}/diff", sessions.DiffAsync);
        app.MapGet("/api/sessions/{id}/stream", live.TurnAsync);
        app.MapPost("/api/sessions/{id}/continue", actions.ContinueAsync);
        app.MapPost("/api/sessions/{id}/kill", actions.KillAsync);
        app.MapPost("/api/sessions/{id}/merge", actions.MergeAsync);
        app.MapPost("/api/sessions/{id}/apply", actions.ApplyAsync);
        app.MapPost("/api/sessions/{id}/discard", actions.DiscardAsync);
        app.MapGet("/api/runs", runs.ListAsync);
        app.MapGet("/api/runs/{name}", runs.ShowAsync);
        app.MapGet("/api/cost", new CostEndpoint(dashboard).GetAsync);
        app.MapGet("/api/events", live.EventsAsync);
        // Anything else under /api (an unknown route, or a known one with the wrong method) is a JSON 404.
        app.Map("/api/{**rest}", context => ApiJson.ErrorAsync(context, StatusCodes.Status404NotFound, $"no such endpoint: {context.Request.Method} {context.Request.Path}"));
    }

    /// <summary>Open /api/events streams (the bench and tests wait for a subscriber before changing the store).</summary>
    internal int Subscribers => _dashboard.Hub.Subscribers;

    public async ValueTask DisposeAsync()
    {
        await _watcher.DisposeAsync().ConfigureAwait(false);
        _dashboard.Hub.Complete();
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _app.StopAsync(stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
