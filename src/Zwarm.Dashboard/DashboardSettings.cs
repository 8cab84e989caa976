namespace Zwarm.Dashboard;

/// <summary>How `zwarm dashboard` serves: where it listens, where its token lives, whether actions are allowed.</summary>
/// <param name="Port">0: any free port.</param>
/// <param name="Host">The address to bind: 127.0.0.1 unless the user chose another with --i-know-this-is-exposed.</param>
/// <param name="Version">The zwarm version /api/info reports.</param>
public sealed record DashboardSettings(int Port, string TokenFile, string Version)
{
    public string Host { get; init; } = "127.0.0.1";

    public bool ReadOnly { get; init; }

    /// <summary>Replace the token in <see cref="TokenFile"/> with a fresh one (old URLs stop working).</summary>
    public bool NewToken { get; init; }

    /// <summary>The token file's name in the state directory.</summary>
    public const string DefaultTokenFileName = "dashboard.token";
}
