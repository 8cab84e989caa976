// One row of the sessions table. data-session-id / data-status are what the browser tests wait on.
import { html } from '../lib/html.js';
import { age, statusClass, tokens, usd } from '../lib/format.js';
import { totalTokens } from './boardQuery.js';

const COLS = ['status', 'task', 'adapter', 'model', 'turns', 'tokens', 'cost', 'source', 'diff', 'age'];
export const NARROW_HIDDEN = new Set(['model', 'source']);

/** The column widths of a sessions table (app.css sizes each c-<name>); narrow screens leave out model and source. */
export function SessionCols({ narrow }) {
  return html`<colgroup>${COLS.filter((c) => !narrow || !NARROW_HIDDEN.has(c)).map((c) => html`<col class=${`c-${c}`} />`)}</colgroup>`;
}

export function StatusPill({ status }) {
  return html`<span class=${`pill ${statusClass(status)}`} data-status-pill>${status}</span>`;
}

export function DiffStat({ row }) {
  const ws = row.workspace ?? (row.branch ? { branch: row.branch, files: row.files_changed, added: row.lines_added, removed: row.lines_removed } : null);
  if (!ws) {
    return html`<span class="muted">—</span>`;
  }
  return html`<span class="branch mono" title=${ws.branch}>${ws.branch}</span>
    <span class="stat"><span class="add">+${ws.added ?? 0}</span> <span class="del">−${ws.removed ?? 0}</span>
    <span class="muted">${ws.files ?? 0}f</span></span>`;
}

export function SessionRow({ row, selected, now, onOpen, onSelect, narrow }) {
  return html`
    <tr class=${selected ? 'row selected' : 'row'} data-session-id=${row.id} data-status=${row.status}
        onClick=${() => onOpen(row.id)} onMouseMove=${onSelect} aria-selected=${selected}>
      <td><${StatusPill} status=${row.status} /></td>
      <td class="task"><a href=${`#/sessions/${row.id}`} tabindex="-1" title=${row.task}>${row.task || '(no task)'}</a>
        <span class="id mono">${row.id.slice(0, 8)}</span>${row.group ? html`<span class="tag" title=${`best-of-N group ${row.group}`}>${String(row.group).slice(0, 8)}</span>` : ''}</td>
      <td>${row.adapter}</td>
      ${!narrow && html`<td class="mono small" title=${row.model}>${row.model || html`<span class="muted">default</span>`}</td>`}
      <td class="num">${row.turns}</td>
      <td class="num" title=${`${row.input_tokens} in · ${row.output_tokens} out`}>${tokens(totalTokens(row))}</td>
      <td class="num">${usd(row.cost_usd)}</td>
      ${!narrow && html`<td>${row.source}</td>`}
      <td class="diff"><${DiffStat} row=${row} /></td>
      <td class="num muted" title=${row.created_at}>${age(row.created_at, now)}</td>
    </tr>`;
}
