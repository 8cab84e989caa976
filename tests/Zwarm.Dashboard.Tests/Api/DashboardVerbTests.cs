// `zwarm dashboard` as the user runs it: one line on stdout (the URL with the token), a working server behind it,
// Ctrl+C (SIGINT) stops it cleanly; --host beyond loopback needs the explicit confirmation (usage error, 2).
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CliWrap;
using CliWrap.Buffered;
using Zwarm.Dashboard.Tests.Support;

namespace Zwarm.Dashboard.Tests.Api;

public sealed partial class DashboardVerbTests : IAsyncLifetime
{
    private readonly DashboardWorld _world = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task The_verb_prints_the_url_serves_it_and_stops_on_ctrl_c()
    {
        var url = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        using var graceful = new CancellationTokenSource();
        using var forceful = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var run = CliWrap.Cli.Wrap(DashboardWorld.ZwarmPath).WithArguments(["dashboard", "--read-only"]).WithWorkingDirectory(_world.Repo)
            .WithEnvironmentVariables(_world.Environment).WithValidation(CommandResultValidation.None)
            .WithStandardOutputPipe(PipeTarget.ToDelegate(line =>
            {
                lock (stdout)
                {
                    stdout.AppendLine(line);
                }
                url.TrySetResult(line);
            }))
            .WithStandardErrorPipe(PipeTarget.ToStringBuilder(stderr))
            .ExecuteAsync(forceful.Token, graceful.Token).Task;
        _ = run.ContinueWith(_ => url.TrySetException(new InvalidOperationException($"zwarm dashboard ended: {stderr}")), TaskScheduler.Default);

        var printed = await url.Task.WaitAsync(TestTimeout.After());
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        var login = await client.GetAsync(printed, TestTimeout.After());
        await graceful.CancelAsync();
        // CliWrap reports a run it interrupted as cancelled whatever its exit code: how it ended is on stderr.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);

        Assert.Matches(UrlLine(), printed);
        Assert.Equal(HttpStatusCode.SeeOther, login.StatusCode);
        Assert.False(forceful.IsCancellationRequested, "it did not stop on SIGINT");
        Assert.Contains("zwarm dashboard: stopped", stderr.ToString());
        Assert.Equal(printed + Environment.NewLine, stdout.ToString());
        Assert.Contains("read-only", stderr.ToString());
        var token = File.ReadAllText(Path.Combine(_world.StateDir, "dashboard.token")).Trim();
        Assert.DoesNotContain(token, stderr.ToString());
    }

    [Fact]
    public async Task Another_host_needs_the_explicit_confirmation()
    {
        var result = await CliWrap.Cli.Wrap(DashboardWorld.ZwarmPath).WithArguments(["dashboard", "--host", "0.0.0.0"]).WithWorkingDirectory(_world.Repo)
            .WithEnvironmentVariables(_world.Environment).WithValidation(CommandResultValidation.None).ExecuteBufferedAsync(TestTimeout.After());

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--i-know-this-is-exposed", result.StandardError);
        Assert.Equal("", result.StandardOutput);
    }

    [GeneratedRegex(@"^http://127\.0\.0\.1:\d+/\?token=[0-9a-f]{64}$")]
    private static partial Regex UrlLine();
}
