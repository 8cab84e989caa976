// A class fixture: one store with a finished plain session and a finished isolated one (it wrote a.txt), and the
// dashboard serving it, made once for the tests of a class that only look.
using Zwarm.Core.Sessions;

namespace Zwarm.Dashboard.Tests.Support;

public sealed class ShowcaseStore : IAsyncLifetime
{
    public DashboardWorld World { get; } = new();

    public SessionMeta Plain { get; private set; } = null!;

    public SessionMeta Isolated { get; private set; } = null!;

    public DashboardServer Server { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Plain = await World.RunAsync("say hello @lines=3");
        Isolated = await World.RunAsync("write a file @put=a.txt=hello", isolated: true);
        Server = await World.StartServerAsync();
        Client = World.Client(Server);
    }

    public async Task DisposeAsync() => await World.DisposeAsync();
}
