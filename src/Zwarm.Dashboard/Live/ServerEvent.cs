namespace Zwarm.Dashboard.Live;

/// <summary>One server-sent event: its name (session, removed, run) and its data (one line of JSON).</summary>
internal sealed record ServerEvent(string Name, string Data);
