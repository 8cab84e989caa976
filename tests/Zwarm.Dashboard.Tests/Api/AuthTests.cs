// The door: token (query -> cookie, or bearer), the Host/Origin guard shared with mcp --http, CSRF on POSTs,
// --read-only, the security headers, and the private token file.
using System.Net;
using System.Text.Json;
using Zwarm.Dashboard.Tests.Support;

namespace Zwarm.Dashboard.Tests.Api;

public sealed class AuthTests : IAsyncLifetime
{
    private readonly DashboardWorld _world = new();
    private DashboardServer _server = null!;

    public async Task InitializeAsync() => _server = await _world.StartServerAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task Without_the_token_the_api_answers_401_json_and_pages_a_short_html_refusal()
    {
        var client = _world.Client(_server, authorized: false);

        var api = await client.GetAsync("/api/sessions", TestTimeout.After());
        var page = await client.GetAsync("/", TestTimeout.After());
        var asset = await client.GetAsync("/assets/app.js", TestTimeout.After());

        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.StartsWith("a valid token is required", Error(await api.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Unauthorized, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("zwarm dashboard", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, asset.StatusCode);
    }

    [Fact]
    public async Task The_token_in_the_url_sets_a_strict_http_only_cookie_and_redirects_to_the_board()
    {
        var client = _world.Client(_server, authorized: false);

        var login = await client.GetAsync(_server.LoginUrl, TestTimeout.After());
        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"));
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/info");
        request.Headers.Add("Cookie", cookie.Split(';')[0]);
        var info = await client.SendAsync(request, TestTimeout.After());
        var wrong = await client.GetAsync("/?token=" + new string('0', 64), TestTimeout.After());

        Assert.Equal(HttpStatusCode.SeeOther, login.StatusCode);
        Assert.Equal("/", login.Headers.Location?.OriginalString);
        Assert.StartsWith($"zwarm_dashboard={_server.Token};", cookie);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, info.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.False(wrong.Headers.Contains("Set-Cookie"));
    }

    [Theory]
    [InlineData("attacker.example")]
    [InlineData("127.0.0.1:1")]
    public async Task A_foreign_host_is_refused_even_with_the_token(string host)
    {
        var client = _world.Client(_server);
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/info");
        request.Headers.Host = host;

        var response = await client.SendAsync(request, TestTimeout.After());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Host", Error(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_cross_origin_post_is_refused_even_with_token_and_csrf()
    {
        var client = _world.Client(_server);
        var csrf = await CsrfAsync(client);
        var request = Post("/api/sessions/00000000-0000-0000-0000-000000000000/kill", csrf);
        request.Headers.Add("Origin", "http://attacker.example");

        var response = await client.SendAsync(request, TestTimeout.After());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("cross-origin requests are refused", Error(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_post_needs_the_csrf_header_of_api_info()
    {
        var client = _world.Client(_server);
        var csrf = await CsrfAsync(client);
        const string path = "/api/sessions/00000000-0000-0000-0000-000000000000/kill";

        var missing = await client.SendAsync(Post(path, null), TestTimeout.After());
        var wrong = await client.SendAsync(Post(path, "0" + csrf[1..]), TestTimeout.After());
        var right = await client.SendAsync(Post(path, csrf), TestTimeout.After());

        Assert.Equal(HttpStatusCode.Forbidden, missing.StatusCode);
        Assert.Contains("X-Zwarm-Csrf", Error(await missing.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        // Past the door, the unknown session is the handler's 404.
        Assert.Equal(HttpStatusCode.NotFound, right.StatusCode);
    }

    [Fact]
    public async Task Read_only_refuses_every_post_and_says_so_in_info()
    {
        var readOnly = await _world.StartServerAsync(readOnly: true);
        var client = _world.Client(readOnly);
        var info = JsonDocument.Parse(await client.GetStringAsync("/api/info", TestTimeout.After())).RootElement;

        var response = await client.SendAsync(Post("/api/sessions/00000000-0000-0000-0000-000000000000/kill", info.GetProperty("csrf").GetString()),
            TestTimeout.After());

        Assert.True(info.GetProperty("read_only").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("read-only", Error(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Every_answer_carries_the_strict_csp_and_no_framing()
    {
        var client = _world.Client(_server, authorized: false);

        var response = await client.GetAsync("/api/info", TestTimeout.After());

        Assert.Equal("default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'",
            string.Join(",", response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", string.Join(",", response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task The_token_file_is_private_reused_across_restarts_and_renewed_on_request()
    {
        var path = Path.Combine(_world.StateDir, "dashboard.token");
        var again = await _world.StartServerAsync();
        var renewed = await _world.StartServerAsync(newToken: true);

        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
        Assert.Equal(_server.Token, again.Token);
        Assert.NotEqual(_server.Token, renewed.Token);
        Assert.Equal(renewed.Token, File.ReadAllText(path).Trim());
        Assert.Matches("^[0-9a-f]{64}$", renewed.Token);
    }

    [Fact]
    public async Task Info_reports_version_mode_csrf_state_dir_and_time()
    {
        var info = JsonDocument.Parse(await _world.Client(_server).GetStringAsync("/api/info", TestTimeout.After())).RootElement;

        Assert.Equal("test", info.GetProperty("version").GetString());
        Assert.False(info.GetProperty("read_only").GetBoolean());
        Assert.Matches("^[0-9a-f]{32}$", info.GetProperty("csrf").GetString());
        Assert.Equal(Path.GetFullPath(_world.StateDir), info.GetProperty("state_dir").GetString());
        Assert.True(info.GetProperty("now").TryGetDateTimeOffset(out _));
    }

    internal static async Task<string> CsrfAsync(HttpClient client) =>
        JsonDocument.Parse(await client.GetStringAsync("/api/info", TestTimeout.After())).RootElement.GetProperty("csrf").GetString()!;

    internal static HttpRequestMessage Post(string path, string? csrf, string? body = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path);
        if (csrf is not null)
        {
            request.Headers.Add("X-Zwarm-Csrf", csrf);
        }
        if (body is not null)
        {
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        }
        return request;
    }

    internal static string Error(string json) => JsonDocument.Parse(json).RootElement.GetProperty("error").GetString()!;
}
