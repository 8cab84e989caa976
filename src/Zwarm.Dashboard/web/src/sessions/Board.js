// The sessions board: every session of the store, live. Filters (status chips, adapter, source), search by task
// text (or id / branch), sortable columns and pages of 50 rows so 1,000 sessions stay fast. Keys: j/k or the
// arrows move the selection, Enter opens it, / focuses the search box, [ and ] change page.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { html } from '../lib/html.js';
import { go } from '../lib/router.js';
import { useNow } from '../lib/useNow.js';
import { statusClass, tokens, usd } from '../lib/format.js';
import { counts, query, totalTokens } from './boardQuery.js';
import { NARROW_HIDDEN, SessionCols, SessionRow } from './SessionRow.js';
import { useNarrow } from '../lib/useNarrow.js';

const PAGE = 50;
// Kept across visits, so Esc from a session comes back to the same filters, page and selection.
const saved = { status: '', adapter: '', source: '', search: '', sort: 'age', desc: true, page: 0, selected: null };

// [sort key, header, class, sortable]; the <col> of each is named c-<key> (widths in app.css).
const COLUMNS = [
  ['status', 'Status'], ['task', 'Task'], ['adapter', 'Adapter'], ['model', 'Model'], ['turns', 'Turns', 'num'],
  ['tokens', 'Tokens', 'num'], ['cost', 'Cost', 'num'], ['source', 'Source'], ['diff', 'Branch · diff', null, false],
  ['age', 'Age', 'num'],
];

export function Board({ live }) {
  const [state, setState] = useState({ ...saved });
  // `saved` is the truth (updated at once, kept across visits); the state is its copy for rendering.
  const set = (patch) => {
    Object.assign(saved, patch);
    setState({ ...saved });
  };
  const now = useNow();
  const narrow = useNarrow();
  const body = useRef(null);
  const all = useMemo(() => [...live.sessions.values()], [live.version]);
  const rows = useMemo(() => query(all, state), [all, state.status, state.adapter, state.source, state.search, state.sort, state.desc]);
  const pages = Math.max(1, Math.ceil(rows.length / PAGE));
  const page = Math.min(state.page, pages - 1);
  const visible = rows.slice(page * PAGE, page * PAGE + PAGE);
  const selectedIndex = Math.max(0, visible.findIndex((r) => r.id === state.selected));

  // Keys read the latest view and selection (the selection from `saved`, which set() updates at once), so keys
  // pressed faster than the page redraws still move one row each.
  const view = useRef(null);
  view.current = { visible, page, pages };
  useEffect(() => {
    const onKey = (e) => {
      if (e.target.closest?.('input, textarea, select') || e.ctrlKey || e.metaKey || e.altKey) {
        return;
      }
      const { visible: rows, page: at, pages: count } = view.current;
      const index = rows.findIndex((r) => r.id === saved.selected);
      const move = { j: 1, ArrowDown: 1, k: -1, ArrowUp: -1 }[e.key];
      if (move && rows.length) {
        e.preventDefault();
        const next = index < 0 ? 0 : Math.min(rows.length - 1, Math.max(0, index + move));
        set({ selected: rows[next].id });
      } else if (e.key === 'Enter' && rows.length) {
        e.preventDefault();
        go('sessions', rows[Math.max(0, index)].id);
      } else if (e.key === ']' && at < count - 1) {
        set({ page: at + 1, selected: null });
      } else if (e.key === '[' && at > 0) {
        set({ page: at - 1, selected: null });
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    body.current?.querySelector('tr.selected')?.scrollIntoView({ block: 'nearest' });
  }, [state.selected]);

  const sortBy = (key) => set(state.sort === key ? { desc: !state.desc } : { sort: key, desc: key === 'age' || key === 'cost' || key === 'tokens' });
  const statuses = counts(all, 'status');
  const adapters = counts(all, 'adapter');
  const sources = counts(all, 'source');
  const running = all.filter((r) => r.status === 'running').length;
  const totalCost = all.reduce((sum, r) => sum + (Number(r.cost_usd) || 0), 0);
  const totalTok = all.reduce((sum, r) => sum + totalTokens(r), 0);

  return html`
    <section class="board">
      <div class="summary">
        <div class="card"><b>${all.length}</b><span>sessions</span></div>
        <div class="card"><b class="st-running-text">${running}</b><span>running</span></div>
        <div class="card"><b>${tokens(totalTok)}</b><span>tokens</span></div>
        <div class="card"><b>${usd(totalCost)}</b><span>cost</span></div>
      </div>
      <div class="filters">
        <input type="search" class="search" placeholder="Search tasks, ids, branches  ( / )" value=${state.search}
               data-search aria-label="Search sessions" onInput=${(e) => set({ search: e.target.value, page: 0 })} />
        <div class="chips" role="group" aria-label="Status">
          <button class=${!state.status ? 'chip active' : 'chip'} onClick=${() => set({ status: '', page: 0 })}>all <i>${all.length}</i></button>
          ${statuses.map(([s, n]) => html`
            <button class=${`chip ${statusClass(s)} ${state.status === s ? 'active' : ''}`} data-filter-status=${s}
                    onClick=${() => set({ status: state.status === s ? '' : s, page: 0 })}>${s} <i>${n}</i></button>`)}
        </div>
        <select aria-label="Adapter" value=${state.adapter} onChange=${(e) => set({ adapter: e.target.value, page: 0 })}>
          <option value="">every adapter</option>
          ${adapters.map(([a, n]) => html`<option value=${a}>${a} (${n})</option>`)}
        </select>
        <select aria-label="Source" value=${state.source} onChange=${(e) => set({ source: e.target.value, page: 0 })}>
          <option value="">every source</option>
          ${sources.map(([s, n]) => html`<option value=${s}>${s} (${n})</option>`)}
        </select>
      </div>
      ${live.error && html`<p class="notice error">${live.error}</p>`}
      <div class="table-wrap">
        <table class="sessions" data-sessions-table>
          <${SessionCols} narrow=${narrow} />
          <thead><tr>${COLUMNS.filter(([key]) => !narrow || !NARROW_HIDDEN.has(key)).map(([key, label, cls, sortable = true]) => html`
            <th class=${cls} aria-sort=${state.sort === key ? (state.desc ? 'descending' : 'ascending') : undefined}>
              ${sortable ? html`<button class="sort" onClick=${() => sortBy(key)}>${label}${state.sort === key ? (state.desc ? ' ▾' : ' ▴') : ''}</button>` : label}
            </th>`)}</tr></thead>
          <tbody ref=${body}>
            ${visible.map((row, i) => html`<${SessionRow} key=${row.id} row=${row} now=${now} narrow=${narrow}
                selected=${state.selected !== null && i === selectedIndex}
                onOpen=${(id) => go('sessions', id)} onSelect=${() => state.selected !== row.id && set({ selected: row.id })} />`)}
          </tbody>
        </table>
        ${!visible.length && html`<p class="empty">${live.loaded ? (all.length ? 'No session matches these filters.' : 'No sessions yet. Start one with `zwarm spawn "task"`.') : 'Loading…'}</p>`}
      </div>
      <div class="pager">
        <span class="muted">${rows.length ? `${page * PAGE + 1}–${page * PAGE + visible.length} of ${rows.length}` : ''}</span>
        <button disabled=${page === 0} onClick=${() => set({ page: page - 1, selected: null })} title="Previous page ([)">‹ Prev</button>
        <span>page ${page + 1} / ${pages}</span>
        <button disabled=${page >= pages - 1} onClick=${() => set({ page: page + 1, selected: null })} title="Next page (])">Next ›</button>
      </div>
    </section>`;
}
