using ModelContextProtocol;

namespace Zwarm.Mcp.Tests.Support;

/// <summary>IProgress that calls back on the reporting thread (Progress&lt;T&gt; would post, and could run after the call returned).</summary>
internal sealed class CallbackProgress(Action<ProgressNotificationValue> report) : IProgress<ProgressNotificationValue>
{
    public void Report(ProgressNotificationValue value) => report(value);
}
