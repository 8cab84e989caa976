using System.Text.Json.Serialization;

namespace Zwarm.Core.Sessions;

/// <summary>Lifecycle of a session: pending -> running -> completed | failed | killed (a follow-up runs again).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SessionStatus>))]
public enum SessionStatus
{
    [JsonStringEnumMemberName("pending")] Pending,
    [JsonStringEnumMemberName("running")] Running,
    [JsonStringEnumMemberName("completed")] Completed,
    [JsonStringEnumMemberName("failed")] Failed,
    [JsonStringEnumMemberName("killed")] Killed,
}

public static class SessionStatusExtensions
{
    public static string ToName(this SessionStatus status) => status switch
    {
        SessionStatus.Pending => "pending",
        SessionStatus.Running => "running",
        SessionStatus.Completed => "completed",
        SessionStatus.Failed => "failed",
        SessionStatus.Killed => "killed",
        _ => status.ToString().ToLowerInvariant(),
    };

    /// <summary>True once the session's current turn has ended (it may still be continued).</summary>
    public static bool IsStopped(this SessionStatus status) =>
        status is SessionStatus.Completed or SessionStatus.Failed or SessionStatus.Killed;

    public static bool TryParse(string? text, out SessionStatus status)
    {
        foreach (var s in Enum.GetValues<SessionStatus>())
        {
            if (string.Equals(s.ToName(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                status = s;
                return true;
            }
        }
        status = default;
        return false;
    }
}
