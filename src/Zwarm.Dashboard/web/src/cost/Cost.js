// Cost: tokens and USD for the whole store, over time by model and in total by model and by adapter. Fetched
// again (at most every 2 s) when a session's row changes, since its tokens are what moves the totals.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { html } from '../lib/html.js';
import { getJson } from '../lib/api.js';
import { tokens, usd } from '../lib/format.js';
import { ChartView } from '../lib/chart.js';
import { byGroup, overTime } from './costCharts.js';

function Table({ rows, keyName, label }) {
  return html`<table class="turns-table"><thead><tr><th>${label}</th><th class="num">Input</th><th class="num">Output</th><th class="num">Cost</th></tr></thead>
    <tbody>${rows.map((r) => html`<tr><td class="mono small">${r[keyName] || 'default'}</td><td class="num">${tokens(r.input_tokens)}</td>
      <td class="num">${tokens(r.output_tokens)}</td><td class="num">${usd(r.cost_usd)}</td></tr>`)}</tbody></table>`;
}

export function Cost({ live }) {
  const [data, setData] = useState(null);
  const [error, setError] = useState(null);
  const [metric, setMetric] = useState('usd');
  const last = useRef(0);
  useEffect(() => {
    const wait = Math.max(0, last.current + 2000 - Date.now());
    const timer = setTimeout(() => {
      last.current = Date.now();
      getJson('/api/cost').then((d) => {
        setData(d);
        setError(null);
      }, (e) => setError(e.message));
    }, wait);
    return () => clearTimeout(timer);
  }, [live.version]);
  const charts = useMemo(() => (data ? {
    time: overTime(data.by_day ?? [], metric),
    model: byGroup(data.by_model ?? [], 'model', metric),
    adapter: byGroup(data.by_adapter ?? [], 'adapter', metric),
  } : null), [data, metric]);
  if (!data) {
    return html`<section class="cost">${error ? html`<p class="notice error">${error}</p>` : html`<p class="muted">Loading…</p>`}</section>`;
  }
  const total = data.total ?? {};
  return html`<section class="cost" data-cost>
    <div class="diff-bar"><h1>Cost</h1>
      <div class="seg" role="group" aria-label="Measure">
        <button class=${metric === 'usd' ? 'active' : ''} onClick=${() => setMetric('usd')}>USD</button>
        <button class=${metric === 'tokens' ? 'active' : ''} onClick=${() => setMetric('tokens')}>tokens</button>
      </div></div>
    <div class="summary">
      <div class="card"><b>${usd(total.cost_usd)}</b><span>total cost</span></div>
      <div class="card"><b>${tokens(total.input_tokens)}</b><span>input tokens</span></div>
      <div class="card"><b>${tokens(total.output_tokens)}</b><span>output tokens</span></div>
      <div class="card"><b>${(data.by_model ?? []).length}</b><span>models</span></div>
    </div>
    <section class="panel"><h2>Over time, by model</h2><${ChartView} config=${charts.time} height=${300} label="Cost over time by model" /></section>
    <div class="two">
      <section class="panel"><h2>By model</h2><${ChartView} config=${charts.model} height=${200} label="By model" />
        <${Table} rows=${data.by_model ?? []} keyName="model" label="Model" /></section>
      <section class="panel"><h2>By adapter</h2><${ChartView} config=${charts.adapter} height=${200} label="By adapter" />
        <${Table} rows=${data.by_adapter ?? []} keyName="adapter" label="Adapter" /></section>
    </div>
    <p class="muted small">Sessions whose model has no known price count their tokens but no dollars (see <code>zwarm models</code>).</p>
  </section>`;
}
