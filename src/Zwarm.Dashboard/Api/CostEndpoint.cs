// Tokens and USD for the whole store: in total, by model, by adapter and by day (the day a session was created),
// from the session summaries of the index (no turn file is read).
using Microsoft.AspNetCore.Http;
using Zwarm.Core.Sessions;

namespace Zwarm.Dashboard.Api;

internal sealed class CostEndpoint(DashboardContext dashboard)
{
    public async Task GetAsync(HttpContext context)
    {
        var sessions = (await dashboard.Sessions.ListAsync(context.RequestAborted).ConfigureAwait(false)).Sessions;
        var total = new Sum();
        var byModel = new SortedDictionary<string, Sum>(StringComparer.Ordinal);
        var byAdapter = new SortedDictionary<string, Sum>(StringComparer.Ordinal);
        var byDay = new SortedDictionary<(string Day, string Model), Sum>();
        foreach (var s in sessions)
        {
            total.Add(s);
            Get(byModel, s.Model).Add(s);
            Get(byAdapter, s.Adapter).Add(s);
            var day = s.CreatedAt.Length >= 10 ? s.CreatedAt[..10] : s.CreatedAt;
            Get(byDay, (day, s.Model)).Add(s);
        }
        await ApiJson.WriteAsync(context, StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("total");
            total.Write(w, null, null);
            w.WriteStartArray("by_model");
            foreach (var (model, sum) in byModel)
            {
                sum.Write(w, "model", model);
            }
            w.WriteEndArray();
            w.WriteStartArray("by_adapter");
            foreach (var (adapter, sum) in byAdapter)
            {
                sum.Write(w, "adapter", adapter);
            }
            w.WriteEndArray();
            w.WriteStartArray("by_day");
            foreach (var ((day, model), sum) in byDay)
            {
                sum.Write(w, "day", day, model);
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private static Sum Get<TKey>(SortedDictionary<TKey, Sum> sums, TKey key) where TKey : notnull
    {
        if (!sums.TryGetValue(key, out var sum))
        {
            sums[key] = sum = new Sum();
        }
        return sum;
    }

    private sealed class Sum
    {
        private long _input;
        private long _output;
        private decimal _cost;

        public void Add(SessionSummary s)
        {
            _input += s.InputTokens;
            _output += s.OutputTokens;
            _cost += s.CostUsd ?? 0m;
        }

        public void Write(System.Text.Json.Utf8JsonWriter w, string? keyName, string? key, string? model = null)
        {
            w.WriteStartObject();
            if (keyName is not null)
            {
                w.WriteString(keyName, key);
            }
            if (model is not null)
            {
                w.WriteString("model", model);
            }
            w.WriteNumber("input_tokens", _input);
            w.WriteNumber("output_tokens", _output);
            w.WriteNumber("cost_usd", _cost);
            w.WriteEndObject();
        }
    }
}
