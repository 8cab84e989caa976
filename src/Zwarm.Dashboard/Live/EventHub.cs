// Fan-out of store changes to every open /api/events stream: each subscriber has its own bounded channel, so a
// slow browser tab loses its oldest events (it reloads the list on reconnect) instead of holding the others up.
using System.Threading.Channels;

namespace Zwarm.Dashboard.Live;

internal sealed class EventHub
{
    private const int Capacity = 4096;

    private readonly Lock _gate = new();
    private readonly List<Channel<ServerEvent>> _subscribers = [];

    public int Subscribers
    {
        get
        {
            lock (_gate)
            {
                return _subscribers.Count;
            }
        }
    }

    /// <summary>A new subscriber's reader; dispose the returned handle to leave.</summary>
    public Subscription Subscribe()
    {
        var channel = Channel.CreateBounded<ServerEvent>(new BoundedChannelOptions(Capacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        lock (_gate)
        {
            _subscribers.Add(channel);
        }
        return new Subscription(this, channel);
    }

    public void Publish(ServerEvent e)
    {
        lock (_gate)
        {
            foreach (var channel in _subscribers)
            {
                channel.Writer.TryWrite(e);
            }
        }
    }

    /// <summary>Ends every stream (the server is stopping).</summary>
    public void Complete()
    {
        lock (_gate)
        {
            foreach (var channel in _subscribers)
            {
                channel.Writer.TryComplete();
            }
        }
    }

    private void Leave(Channel<ServerEvent> channel)
    {
        lock (_gate)
        {
            _subscribers.Remove(channel);
        }
        channel.Writer.TryComplete();
    }

    internal sealed class Subscription(EventHub hub, Channel<ServerEvent> channel) : IDisposable
    {
        public ChannelReader<ServerEvent> Reader => channel.Reader;

        public void Dispose() => hub.Leave(channel);
    }
}
