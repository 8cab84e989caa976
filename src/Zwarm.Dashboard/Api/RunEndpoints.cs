// Orchestrator runs and pilot conversations (instances): the list is `zwarm instances --json`; one run adds its
// events.jsonl records as stored, the sessions it started (board rows) and tokens and cost per step (from its
// llm_call events, priced with the store's price table).
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Zwarm.Core.Events;
using Zwarm.Core.Sessions;
using Zwarm.Orchestration.Instances;

namespace Zwarm.Dashboard.Api;

internal sealed class RunEndpoints(DashboardContext dashboard)
{
    public Task ListAsync(HttpContext context)
    {
        var views = dashboard.Instances.List().Instances.Select(InstanceView.From).ToList();
        return ApiJson.WriteAsync(context, StatusCodes.Status200OK, w => JsonSerializer.Serialize(w, views, DashboardJsonContext.Api.ListInstanceView));
    }

    public async Task ShowAsync(HttpContext context)
    {
        var name = context.Request.RouteValues["name"] as string ?? "";
        var id = dashboard.Instances.Resolve(name);
        var state = dashboard.Instances.LoadOrThrow(id);
        var listing = await dashboard.Sessions.ListAsync(context.RequestAborted).ConfigureAwait(false);
        var started = state.Sessions.ToHashSet(StringComparer.Ordinal);
        var steps = new SortedDictionary<int, (long Input, long Output, decimal Cost)>();
        var prices = dashboard.Sessions.Prices;
        await ApiJson.WriteAsync(context, StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("run");
            JsonSerializer.Serialize(w, InstanceView.From(state), DashboardJsonContext.Api.InstanceView);
            w.WriteStartArray("events");
            foreach (var line in dashboard.Instances.ReadEvents(id))
            {
                line.Data.WriteTo(w);
                if (line.Kind == EventKinds.LlmCall)
                {
                    var input = Long(line.Data, "input_tokens");
                    var output = Long(line.Data, "output_tokens");
                    var model = line.Data.TryGetProperty("model", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : state.Model;
                    var cost = prices.Cost(model, new TokenUsage(input, Long(line.Data, "cached_input_tokens"), 0, output, Long(line.Data, "reasoning_tokens"))) ?? 0m;
                    var sum = steps.GetValueOrDefault(line.Step);
                    steps[line.Step] = (sum.Input + input, sum.Output + output, sum.Cost + cost);
                }
            }
            w.WriteEndArray();
            w.WriteStartArray("sessions");
            foreach (var s in listing.Sessions)
            {
                if (started.Contains(s.Id))
                {
                    SessionRow.Write(w, s);
                }
            }
            w.WriteEndArray();
            w.WriteStartArray("steps");
            foreach (var (step, sum) in steps)
            {
                w.WriteStartObject();
                w.WriteNumber("step", step);
                w.WriteNumber("input_tokens", sum.Input);
                w.WriteNumber("output_tokens", sum.Output);
                w.WriteNumber("cost_usd", sum.Cost);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private static long Long(JsonElement data, string name) =>
        data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) ? n : 0;
}
