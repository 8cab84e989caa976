// A loopback OTLP/HTTP collector: an HttpListener that records the path and body of everything posted to it, so a
// test can check which spans a run exported. Stop it (dispose) before reading, so every export has landed.
// Disposing does not rely on HttpListener.Stop to end a pending GetContextAsync: a Stop racing the start of that call
// left it pending forever (seen once in CI: the test host hung), so the wait is also cancelled.
using System.Net;
using System.Text;

namespace Zwarm.Orchestration.Tests.Support;

public sealed class OtlpCollector : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly List<(string Path, byte[] Body)> _received = [];
    private readonly Task _loop;
    private readonly CancellationTokenSource _stop;

    public OtlpCollector(CancellationToken cancellationToken)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cancellationToken = _stop.Token;
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(() => LoopAsync(cancellationToken), cancellationToken);
    }

    public int Port { get; }

    public string Endpoint => $"http://127.0.0.1:{Port}";

    /// <summary>Paths and bodies posted so far.</summary>
    public IReadOnlyList<(string Path, string Body)> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received.Select(r => (r.Path, Encoding.UTF8.GetString(r.Body)))];
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // Stopped while waiting for a request that never came.
        }
        _listener.Close();
        _stop.Dispose();
    }

    private async Task LoopAsync(CancellationToken cancellationToken)
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().WaitAsync(cancellationToken);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body, cancellationToken);
            lock (_received)
            {
                _received.Add((context.Request.Url!.AbsolutePath, body.ToArray()));
            }
            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var l = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
