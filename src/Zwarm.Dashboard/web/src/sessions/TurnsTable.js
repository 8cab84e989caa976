// Per-turn tokens and cost of a session, with a total row: what each follow-up cost.
import { html } from '../lib/html.js';
import { duration, tokens, usd } from '../lib/format.js';
import { StatusPill } from './SessionRow.js';

export function TurnsTable({ detail }) {
  const meta = new Map((detail.session?.turns ?? []).map((t) => [t.turn, t]));
  const turns = detail.turns ?? [];
  const sum = (pick) => turns.reduce((s, t) => s + (Number(pick(t)) || 0), 0);
  return html`<table class="turns-table" data-turns-table>
    <thead><tr><th>Turn</th><th>Status</th><th class="num">Input</th><th class="num">Cached</th><th class="num">Output</th>
      <th class="num">Reasoning</th><th class="num">Cost</th><th class="num">Time</th><th class="num">Steps</th></tr></thead>
    <tbody>${turns.map((t) => {
      const m = meta.get(t.turn);
      const took = m?.started_at && m?.ended_at ? Date.parse(m.ended_at) - Date.parse(m.started_at) : null;
      return html`<tr><td>${t.turn}</td>
        <td><${StatusPill} status=${t.status} /></td>
        <td class="num">${tokens(t.usage?.input_tokens)}</td><td class="num">${tokens(t.usage?.cached_input_tokens)}</td>
        <td class="num">${tokens(t.usage?.output_tokens)}</td><td class="num">${tokens(t.usage?.reasoning_output_tokens)}</td>
        <td class="num">${usd(t.cost_usd)}</td><td class="num">${took === null ? '' : duration(took)}</td>
        <td class="num">${t.messages?.length ?? 0} msg · ${t.commands} cmd · ${t.file_changes} files · ${t.tool_calls} tools</td></tr>`;
    })}</tbody>
    <tfoot><tr><th colspan="2">total</th><th class="num">${tokens(sum((t) => t.usage?.input_tokens))}</th>
      <th class="num">${tokens(sum((t) => t.usage?.cached_input_tokens))}</th><th class="num">${tokens(sum((t) => t.usage?.output_tokens))}</th>
      <th class="num">${tokens(sum((t) => t.usage?.reasoning_output_tokens))}</th><th class="num">${usd(sum((t) => t.cost_usd))}</th><th></th><th></th></tr></tfoot>
  </table>`;
}
