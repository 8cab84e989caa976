// `zwarm mcp --http`: zwarm's MCP server over the Streamable HTTP transport (the SDK's ModelContextProtocol.AspNetCore
// on Kestrel), for clients that connect by URL. It listens on 127.0.0.1 only; every request passes the
// LoopbackRequestGuard (Host, Origin, bearer token) before the SDK sees it. Each MCP session gets its own
// ZwarmMcpServer, as each stdio client gets its own process: the tools take their source from that client's name.
// Nothing is logged but the startup line on stderr, which names the token's file, never the token.
using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.AspNetCore;
using ModelContextProtocol.Server;
using Zwarm.Core;
using Zwarm.Core.Sessions;
using Zwarm.Http;

namespace Zwarm.Mcp.Http;

public sealed class McpHttpServer(SessionService sessions, McpServerSettings settings, McpHttpSettings http, TextWriter log)
{
    /// <summary>Serves until <paramref name="cancellationToken"/> is cancelled; returns the process exit code.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var token = BearerToken.LoadOrCreate(http.TokenFile);
        await using var app = Build();
        LoopbackRequestGuard? guard = null;
        app.Use(async (context, next) =>
        {
            // Until the port is known (port 0) nothing is served; Kestrel accepts before StartAsync returns.
            var refusal = guard is null ? (503, "starting") : guard.Check(context.Request.Headers.Host, context.Request.Headers.Origin, context.Request.Headers.Authorization);
            if (refusal is { } refused)
            {
                context.Response.StatusCode = refused.Status;
                if (refused.Status == 401)
                {
                    context.Response.Headers.WWWAuthenticate = "Bearer";
                }
                await context.Response.WriteAsync(refused.Reason + "\n", context.RequestAborted).ConfigureAwait(false);
                return;
            }
            await next(context).ConfigureAwait(false);
        });
        app.MapMcp(McpHttpSettings.Path);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            throw new ZwarmException(ErrorKind.State, $"cannot listen on 127.0.0.1:{http.Port} ({e.Message}); choose another --port");
        }
        var port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        guard = new LoopbackRequestGuard(port, token);
        await log.WriteLineAsync($"zwarm mcp: serving MCP (Streamable HTTP) at http://127.0.0.1:{port}{McpHttpSettings.Path}; clients send " +
            $"\"Authorization: Bearer <token>\" with the token in {http.TokenFile}. Ctrl+C stops it; sessions keep running.").ConfigureAwait(false);
        await log.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await app.StopAsync(stopping.Token).ConfigureAwait(false);
        await log.WriteLineAsync("zwarm mcp: stopped; sessions it started keep running (see them with `zwarm ls`).").ConfigureAwait(false);
        return 0;
    }

    private WebApplication Build()
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
            kestrel.Listen(IPAddress.Loopback, http.Port);
        });
        var servers = new ConditionalWeakTable<McpServerOptions, ZwarmMcpServer>();
        builder.Services.AddMcpServer().WithHttpTransport(transport =>
        {
            // Stateful: resources/subscribe, progress and the client's name (the sessions' source) need a session.
            transport.SessionMode = HttpServerSessionMode.Stateful;
            transport.ConfigureSessionOptions = (_, options, _) =>
            {
                var server = new ZwarmMcpServer(sessions, settings, TextWriter.Null);
                server.Configure(options);
                servers.Add(options, server);
                return Task.CompletedTask;
            };
#pragma warning disable MCPEXP002 // experimental, but the only hook that hands over the session's McpServer
            transport.RunSessionHandler = (_, server, ct) =>
                servers.TryGetValue(server.ServerOptions, out var zwarm) ? zwarm.ServeAsync(server, ct) : server.RunAsync(ct);
#pragma warning restore MCPEXP002
        });
        return builder.Build();
    }
}
