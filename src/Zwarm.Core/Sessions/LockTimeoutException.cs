namespace Zwarm.Core.Sessions;

/// <summary>Another process kept the lock for longer than the timeout.</summary>
internal sealed class LockTimeoutException(string path, TimeSpan timeout)
    : IOException($"{path} is still locked after {timeout.TotalSeconds:0.#} s")
{
    public string LockPath { get; } = path;
}
