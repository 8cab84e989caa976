// One run: its facts, a chart of tokens and cost per step, the sessions it started, and its event timeline
// (filterable by kind). Reloaded when the run's live row changes.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { html } from '../lib/html.js';
import { getJson, runPath } from '../lib/api.js';
import { tokens, usd, when } from '../lib/format.js';
import { go } from '../lib/router.js';
import { useNow } from '../lib/useNow.js';
import { useNarrow } from '../lib/useNarrow.js';
import { ChartView, seriesColor } from '../lib/chart.js';
import { SessionCols, SessionRow, StatusPill } from '../sessions/SessionRow.js';
import { RunEvent } from './RunEvent.js';

function stepChart(steps) {
  return {
    type: 'bar',
    data: {
      labels: steps.map((s) => `#${s.step}`),
      datasets: [
        { label: 'input tokens', data: steps.map((s) => s.input_tokens), backgroundColor: seriesColor(0), stack: 't', yAxisID: 'y', maxBarThickness: 40 },
        { label: 'output tokens', data: steps.map((s) => s.output_tokens), backgroundColor: seriesColor(1), stack: 't', yAxisID: 'y', maxBarThickness: 40 },
        { type: 'line', label: 'cost (USD)', data: steps.map((s) => s.cost_usd), borderColor: seriesColor(2), backgroundColor: seriesColor(2), yAxisID: 'usd', pointRadius: 2 },
      ],
    },
    options: {
      scales: {
        x: { stacked: true },
        y: { stacked: true, beginAtZero: true, title: { text: 'tokens' } },
        usd: { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false }, title: { text: 'USD' } },
      },
    },
  };
}

export function RunView({ name, live }) {
  const row = live.runs.get(name);
  const [data, setData] = useState(null);
  const [error, setError] = useState(null);
  const [kind, setKind] = useState('');
  const now = useNow();
  const narrow = useNarrow();
  useEffect(() => {
    const abort = new AbortController();
    getJson(runPath(name), abort.signal).then(setData, (e) => e.name !== 'AbortError' && setError(e.message));
    return () => abort.abort();
  }, [name, row?.updated_at, row?.status]);
  const chart = useMemo(() => (data?.steps?.length ? stepChart(data.steps) : null), [data]);
  if (!data) {
    return html`<section class="run"><a class="back" href="#/runs">← Runs</a>
      ${error ? html`<p class="notice error">${error}</p>` : html`<p class="muted">Loading…</p>`}</section>`;
  }
  const run = { ...data.run, ...(row ?? {}) };
  const events = data.events ?? [];
  const kinds = [...new Set(events.map((e) => e.kind))];
  const shown = kind ? events.filter((e) => e.kind === kind) : events;
  return html`<section class="run" data-run=${run.id}>
    <div class="crumbs"><a class="back" href="#/runs" title="Back (Esc)">← Runs</a></div>
    <header class="session-head"><${StatusPill} status=${run.status} /><h1>${run.task}</h1></header>
    <div class="summary">
      <div class="card"><b>${run.steps}</b><span>steps</span></div>
      <div class="card"><b>${run.sessions}</b><span>sessions</span></div>
      <div class="card"><b>${tokens((run.input_tokens ?? 0) + (run.output_tokens ?? 0))}</b><span>tokens</span></div>
      <div class="card"><b>${usd(run.cost_usd)}</b><span>cost</span></div>
      <div class="card wide"><b class="mono small">${run.provider}/${run.model}</b><span>${run.kind} · ${run.id} · since ${when(run.created_at)}</span></div>
    </div>
    ${chart && html`<section class="panel"><h2>Tokens and cost per step</h2><${ChartView} config=${chart} label="Tokens and cost per step" /></section>`}
    <section class="panel"><h2>Sessions it started</h2>
      ${data.sessions?.length ? html`<div class="table-wrap"><table class="sessions"><${SessionCols} narrow=${narrow} /><tbody>
        ${data.sessions.map((s) => html`<${SessionRow} key=${s.id} row=${live.sessions.get(s.id) ?? s} now=${now} narrow=${narrow} onOpen=${(id) => go('sessions', id)} />`)}
      </tbody></table></div>` : html`<p class="muted">None.</p>`}
    </section>
    <section class="panel"><div class="diff-bar"><h2>Timeline</h2>
      <select aria-label="Event kind" value=${kind} onChange=${(e) => setKind(e.target.value)}>
        <option value="">every event (${events.length})</option>
        ${kinds.map((k) => html`<option value=${k}>${k}</option>`)}
      </select></div>
      <ol class="timeline" data-timeline>${shown.map((e, i) => html`<${RunEvent} key=${i} event=${e} />`)}</ol>
    </section>
  </section>`;
}
