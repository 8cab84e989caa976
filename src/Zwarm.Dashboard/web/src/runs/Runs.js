// Runs: every orchestrator run and pilot conversation (`instances --json`), live through `run` events.
import { useMemo } from 'preact/hooks';
import { html } from '../lib/html.js';
import { go } from '../lib/router.js';
import { age, tokens, usd } from '../lib/format.js';
import { useNow } from '../lib/useNow.js';
import { StatusPill } from '../sessions/SessionRow.js';

export function Runs({ live }) {
  const now = useNow();
  const rows = useMemo(() => [...live.runs.values()].sort((a, b) => Date.parse(b.updated_at) - Date.parse(a.updated_at)), [live.version]);
  return html`<section class="runs">
    <h1>Runs</h1>
    <p class="muted">Orchestrator runs (<code>zwarm orchestrate</code>) and pilot conversations (<code>zwarm pilot</code>).</p>
    <div class="table-wrap"><table class="sessions" data-runs-table>
      <thead><tr><th>Status</th><th>Task</th><th>Kind</th><th>Model</th><th class="num">Steps</th><th class="num">Runs</th>
        <th class="num">Sessions</th><th class="num">Tokens</th><th class="num">Cost</th><th class="num">Updated</th></tr></thead>
      <tbody>${rows.map((r) => html`<tr class="row" data-run-id=${r.id} onClick=${() => go('runs', r.id)}>
        <td><${StatusPill} status=${r.status} /></td>
        <td class="task"><a href=${`#/runs/${encodeURIComponent(r.id)}`}>${r.task}</a> <span class="id mono">${r.id}</span>
          ${r.stop_reason && html`<span class="muted small"> · ${r.stop_reason}</span>`}</td>
        <td>${r.kind}</td><td class="mono small">${r.provider ? `${r.provider}/` : ''}${r.model}</td>
        <td class="num">${r.steps}</td><td class="num">${r.runs}</td><td class="num">${r.sessions}</td>
        <td class="num">${tokens((r.input_tokens ?? 0) + (r.output_tokens ?? 0))}</td><td class="num">${usd(r.cost_usd)}</td>
        <td class="num muted" title=${r.updated_at}>${age(r.updated_at, now)}</td></tr>`)}</tbody>
    </table>
    ${!rows.length && html`<p class="empty">${live.loaded ? 'No runs yet. Start one with `zwarm orchestrate "task"` or `zwarm pilot`.' : 'Loading…'}</p>`}</div>
  </section>`;
}
