// `zwarm dashboard` over a store of 1,000 Python-written sessions, as a browser sees it: the first load (the
// token URL's redirect, `GET /` and `GET /api/sessions`, timed at the client on loopback, so server side plus
// one local round trip each), the delay from a meta.json status change (written as zwarm writes it: temp file +
// rename) to its `event: session` on an open /api/events stream (25 samples), and the server's RSS afterwards.
// Python has no dashboard: its column stays empty.
using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Zwarm.Bench.Processes;
using Zwarm.Bench.Reporting;

namespace Zwarm.Bench.Figures;

internal static class DashboardFigure
{
    private const int StoreSessions = 1000;
    private const int Changes = 25;

    public static IEnumerable<Figure> Run(BenchEnvironment env, PythonAnchors python)
    {
        var zwarm = env.EnsureZwarm();
        var state = Path.Combine(env.DataDirectory, $"dashboard-{StoreSessions}");
        python.GenerateSessions(state, StoreSessions);
        using var server = Start(zwarm, state, env, out var url);
        try
        {
            return Measure(server, url, state);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            server.WaitForExit();
        }
    }

    private static List<Figure> Measure(Process server, Uri url, string state)
    {
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { Timeout = TimeSpan.FromSeconds(30) };
        var clock = Stopwatch.StartNew();
        using var login = client.GetAsync(url).GetAwaiter().GetResult();
        var cookie = login.Headers.GetValues("Set-Cookie").First().Split(';')[0];
        var page = Get(client, new Uri(url, "/"), cookie, out var pageStatus);
        var sessions = Get(client, new Uri(url, "/api/sessions"), cookie, out _);
        var firstMs = clock.Elapsed.TotalMilliseconds;
        var rows = JsonNode.Parse(sessions)!["sessions"]!.AsArray();
        if (login.StatusCode != HttpStatusCode.SeeOther || rows.Count != StoreSessions)
        {
            throw new InvalidOperationException($"the dashboard answered {login.StatusCode} and listed {rows.Count} sessions, expected {StoreSessions}");
        }
        var warm = new List<double>();
        for (var i = 0; i < 10; i++)
        {
            clock.Restart();
            Get(client, new Uri(url, "/"), cookie, out _);
            Get(client, new Uri(url, "/api/sessions"), cookie, out _);
            warm.Add(clock.Elapsed.TotalMilliseconds);
        }
        var ui = pageStatus == HttpStatusCode.OK ? $"the UI ({page.Length / 1024} KB)" : "no UI built into this binary (`/` answered 503)";
        var figures = new List<Figure>
        {
            new($"dashboard: first load, {StoreSessions} sessions", "", Stats.Ms(firstMs), "", "<= 1 s", firstMs <= 1000,
                $"token URL (303) + GET / + GET /api/sessions on a fresh server, at the client on loopback; {ui}; warm median of 10: {Stats.Ms(Stats.Median(warm))}"),
        };

        var ids = rows.Take(Changes).Select(r => (string)r!["id"]!).ToList();
        var delays = MeasureChanges(client, url, cookie, state, ids);
        var median = Stats.Median(delays);
        figures.Add(new($"dashboard: meta.json status change -> SSE event", "", Stats.Ms(median), "", "<= 250 ms", median <= 250,
            $"median of {delays.Count} (min {Stats.Ms(delays.Min())}, max {Stats.Ms(delays.Max())}); meta.json replaced by rename, event read by a client of /api/events"));
        var memory = ProcessMemory.Read(server.Id);
        var rssMb = memory is null ? double.NaN : memory.RssKb / 1024.0;
        figures.Add(new($"dashboard: server RSS, {StoreSessions} sessions", "", memory is null ? "n/a" : Stats.Mb(memory.RssKb), "", "<= 150 MB",
            memory is null ? null : rssMb <= 150, memory is null ? "" : $"after the loads and changes above; PSS {Stats.Mb(memory.PssKb)}"));
        return figures;
    }

    private static List<double> MeasureChanges(HttpClient client, Uri url, string cookie, string state, List<string> ids)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, "/api/events"));
        request.Headers.Add("Cookie", cookie);
        using var response = client.Send(request, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(response.Content.ReadAsStream());
        if (reader.ReadLine() != ": connected")
        {
            throw new InvalidOperationException("/api/events did not open");
        }
        var delays = new List<double>();
        foreach (var id in ids)
        {
            var meta = Path.Combine(state, "sessions", id, "meta.json");
            var node = JsonNode.Parse(File.ReadAllText(meta))!;
            var status = (string?)node["status"] == "failed" ? "completed" : "failed";
            node["status"] = status;
            var temp = meta + ".bench";
            File.WriteAllText(temp, node.ToJsonString());
            var clock = Stopwatch.StartNew();
            File.Move(temp, meta, overwrite: true);
            string? name = null;
            while (clock.Elapsed < TimeSpan.FromSeconds(10) && reader.ReadLine() is { } line)
            {
                if (line.StartsWith("event: ", StringComparison.Ordinal))
                {
                    name = line[7..];
                }
                else if (name == "session" && line.StartsWith("data: ", StringComparison.Ordinal)
                    && line.Contains(id, StringComparison.Ordinal) && line.Contains($"\"status\":\"{status}\"", StringComparison.Ordinal))
                {
                    delays.Add(clock.Elapsed.TotalMilliseconds);
                    break;
                }
            }
        }
        return delays.Count == ids.Count ? delays : throw new InvalidOperationException($"only {delays.Count} of {ids.Count} status changes arrived");
    }

    private static string Get(HttpClient client, Uri uri, string cookie, out HttpStatusCode status)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Add("Cookie", cookie);
        using var response = client.Send(request);
        status = response.StatusCode;
        return response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
    }

    internal static Process Start(string zwarm, string state, BenchEnvironment env, out Uri url)
    {
        var start = new ProcessStartInfo(zwarm) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "dashboard", "--state-dir", state, "--port", "0" })
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var (name, value) in env.ChildEnvironment)
        {
            start.Environment[name] = value;
        }
        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        var line = process.StandardOutput.ReadLine()
            ?? throw new InvalidOperationException("zwarm dashboard printed no URL");
        url = new Uri(line);
        return process;
    }
}
