namespace Zwarm.ScriptedModels;

/// <summary>Settings of a <see cref="ScriptedModelServer"/>; the defaults suit tests.</summary>
public sealed record ScriptedModelServerOptions
{
    /// <summary>Port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>When set, model calls with any other key (Bearer or x-api-key) get a 401; null accepts anything.</summary>
    public string? RequiredApiKey { get; init; }

    /// <summary>Source of the <c>created</c> timestamps in replies and of reply delays.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>How long stopping waits for in-flight replies (stalled ones are released at once).</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(5);
}
