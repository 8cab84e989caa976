// An isolated session's diff, drawn by diff2html (file list + line-by-line hunks). The turn selector asks the
// server for one turn's diff (?turn=N) from the session's per-turn commits; "all turns" is the whole branch.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { html as diffHtml } from 'diff2html';
import { html } from '../lib/html.js';
import { getJson, sessionPath } from '../lib/api.js';
import { useTheme } from '../lib/theme.js';

export function Diff({ id, turns, version }) {
  const [turn, setTurn] = useState('');
  const [layout, setLayout] = useState('line-by-line');
  const [state, setState] = useState({ loading: true });
  const [theme] = useTheme();
  useEffect(() => {
    const abort = new AbortController();
    const query = turn ? `?turn=${turn}` : '';
    getJson(`${sessionPath(id)}/diff${query}`, abort.signal)
      .then((diff) => setState({ diff }))
      .catch((error) => error.name !== 'AbortError' && setState({ error: error.message }));
    return () => abort.abort();
  }, [id, turn, version]);
  const rendered = useMemo(() => (state.diff?.patch
    ? diffHtml(state.diff.patch, { drawFileList: false, outputFormat: layout, matching: 'lines', colorScheme: theme === 'dark' ? 'dark' : 'light' })
    : ''), [state.diff, layout, theme]);
  const files = state.diff?.files ?? [];
  return html`<section class="diff" data-diff>
    <div class="diff-bar">
      <h2>Changes</h2>
      <select aria-label="Turn" value=${turn} onChange=${(e) => setTurn(e.target.value)}>
        <option value="">all turns</option>
        ${turns.map((t) => html`<option value=${t.turn}>turn ${t.turn} (+${t.added} −${t.removed})</option>`)}
      </select>
      <div class="seg" role="group" aria-label="Layout">
        <button class=${layout === 'line-by-line' ? 'active' : ''} onClick=${() => setLayout('line-by-line')}>unified</button>
        <button class=${layout === 'side-by-side' ? 'active' : ''} onClick=${() => setLayout('side-by-side')}>split</button>
      </div>
    </div>
    ${state.error && html`<p class="notice error">${state.error}</p>`}
    ${files.length > 0 && html`<ul class="files">${files.map((f) => html`<li><code>${f.path}</code>
      <span class="add">+${f.added}</span> <span class="del">−${f.removed}</span></li>`)}</ul>`}
    ${state.diff && !state.diff.patch && html`<p class="muted">No changes.</p>`}
    <div class="d2h" dangerouslySetInnerHTML=${{ __html: rendered }}></div>
  </section>`;
}
