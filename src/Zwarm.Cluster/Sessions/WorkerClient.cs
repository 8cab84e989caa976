// A cluster client pinned to ONE worker: its only gateway is that worker's, so the stateless sessions grain is
// activated there and works on that worker's store. TLS with the cluster certificate like every cluster client;
// no retries and a deadline on connecting and on every call, so a dead worker is one clear error, never a hang.
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;
using Zwarm.Cluster.Grains;
using Zwarm.Cluster.Hosting;
using Zwarm.Cluster.Membership;
using Zwarm.Cluster.Security;
using Zwarm.Core;

namespace Zwarm.Cluster.Sessions;

internal sealed class WorkerClient : IAsyncDisposable
{
    /// <summary>How long connecting to a worker, and then each call, may take.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    private readonly IHost _host;

    private WorkerClient(string worker, IHost host)
    {
        Worker = worker;
        _host = host;
        Sessions = host.Services.GetRequiredService<IClusterClient>().GetGrain<ISessionsGrain>(0);
    }

    public string Worker { get; }

    public ISessionsGrain Sessions { get; }

    public static async Task<WorkerClient> ConnectAsync(string worker, IPEndPoint gateway, X509Certificate2 certificate, bool debug,
        CancellationToken cancellationToken)
    {
        var client = ClusterClientHost.Build(certificate, Deadline, debug, c => c.UseStaticClustering(gateway));
        var host = client.Host;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Deadline);
        try
        {
            await host.StartAsync(deadline.Token).WaitAsync(deadline.Token).ConfigureAwait(false);
            return new WorkerClient(worker, host);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            await StopAsync(host).ConfigureAwait(false);
            if (client.Rejected)
            {
                throw new ZwarmException(ErrorKind.Config,
                    "the cluster refused this client: its certificate is not the cluster's (TLS handshake failed)", e);
            }
            throw Unreachable(worker, gateway, e);
        }
    }

    /// <summary>One call with the deadline; a worker that stops answering is the same one line as one never reached.</summary>
    public async Task<string> CallAsync(Func<ISessionsGrain, Task<SessionReply>> call, CancellationToken cancellationToken)
    {
        SessionReply reply;
        try
        {
            reply = await call(Sessions).WaitAsync(Deadline, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException or OrleansException && !cancellationToken.IsCancellationRequested)
        {
            throw Unreachable(Worker, null, e); // no answer in time, the silo gone, the connection dropped
        }
        catch (Exception e) when (e is not ZwarmException && !cancellationToken.IsCancellationRequested)
        {
            throw new ZwarmException(ErrorKind.External, $"worker {Worker} failed: {e.GetType().Name}: {e.Message}", e);
        }
        return reply.Json(Worker);
    }

    public static ZwarmException Unreachable(string worker, IPEndPoint? gateway, Exception error)
    {
        var reason = error is TimeoutException or OperationCanceledException ? $"no answer within {Deadline.TotalSeconds:0} s" : error.Message;
        var where = gateway is null ? "" : $" at {gateway}";
        return new ZwarmException(ErrorKind.External, $"worker {worker}{where} is unreachable: {reason}", error);
    }

    public ValueTask DisposeAsync() => new(StopAsync(_host));

    private static async Task StopAsync(IHost host)
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await host.StopAsync(stop.Token).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // A half-open client is harmless: the process ends right after.
        }
        host.Dispose();
    }
}
