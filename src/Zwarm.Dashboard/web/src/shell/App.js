// The page frame: header with the three sections, live/read-only indicators and the theme toggle, then the view
// the hash names. Global keys: "/" focuses the search box, Esc goes back from a session or run to its list.
import { useEffect } from 'preact/hooks';
import { html } from '../lib/html.js';
import { go, useRoute } from '../lib/router.js';
import { useLive } from '../lib/live.js';
import { useTheme } from '../lib/theme.js';
import { Board } from '../sessions/Board.js';
import { SessionView } from '../sessions/SessionView.js';
import { Runs } from '../runs/Runs.js';
import { RunView } from '../runs/RunView.js';
import { Cost } from '../cost/Cost.js';

const typing = (target) => target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

export function App({ info }) {
  const route = useRoute();
  const live = useLive();
  const [theme, toggleTheme] = useTheme();
  const readOnly = Boolean(info?.read_only);

  useEffect(() => {
    const onKey = (e) => {
      if (e.key === 'Escape') {
        if (typing(e.target)) {
          e.target.blur();
        } else if (route.id) {
          go(route.page);
        }
        return;
      }
      if (typing(e.target) || e.ctrlKey || e.metaKey || e.altKey) {
        return;
      }
      if (e.key === '/') {
        const search = document.querySelector('[data-search]');
        if (search) {
          e.preventDefault();
          search.focus();
        }
      } else if (e.key === 't') {
        toggleTheme();
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [route.page, route.id]);

  const tab = (page, label) =>
    html`<a href=${`#/${page}`} class=${route.page === page ? 'tab active' : 'tab'} aria-current=${route.page === page ? 'page' : undefined}>${label}</a>`;

  let view;
  if (route.page === 'sessions') {
    view = route.id ? html`<${SessionView} id=${route.id} live=${live} readOnly=${readOnly} />` : html`<${Board} live=${live} />`;
  } else if (route.page === 'runs') {
    view = route.id ? html`<${RunView} name=${route.id} live=${live} />` : html`<${Runs} live=${live} />`;
  } else {
    view = html`<${Cost} live=${live} />`;
  }

  return html`
    <header class="top">
      <a class="brand" href="#/sessions" title="zwarm dashboard"><span class="logo" aria-hidden="true">◆</span> zwarm</a>
      <nav class="tabs">${tab('sessions', 'Sessions')}${tab('runs', 'Runs')}${tab('cost', 'Cost')}</nav>
      <div class="spacer"></div>
      ${readOnly && html`<span class="badge ro" title="Started with --read-only: actions are off">read-only</span>`}
      <span class=${live.connected ? 'live on' : 'live off'} data-live=${live.connected ? 'on' : 'off'}
            title=${live.connected ? 'Live: updates arrive as they happen' : 'Disconnected: reconnecting…'}>
        <i></i>${live.connected ? 'live' : 'offline'}
      </span>
      <button class="icon" onClick=${toggleTheme} title="Switch theme (t)" aria-label="Switch theme" data-theme-toggle>
        ${theme === 'dark' ? '☀' : '☾'}
      </button>
    </header>
    <main class="page">${view}</main>
    <footer class="foot">
      <span>${info?.version ?? ''}</span>
      <span class="mono" title="State directory">${info?.state_dir ?? ''}</span>
      <span class="keys"><kbd>j</kbd><kbd>k</kbd> move · <kbd>Enter</kbd> open · <kbd>Esc</kbd> back · <kbd>/</kbd> search · <kbd>t</kbd> theme</span>
    </footer>`;
}
