// Entry point of the zwarm dashboard UI: theme first (no flash of the wrong colours), then the live store, then
// the app. Loaded as /assets/app.js by index.html; no inline script anywhere (the server's CSP forbids it).
import 'diff2html/bundles/css/diff2html.min.css';
import './styles/app.css';
import { render } from 'preact';
import { html } from './lib/html.js';
import { initTheme } from './lib/theme.js';
import { startLive } from './lib/live.js';
import { loadInfo } from './lib/api.js';
import { App } from './shell/App.js';

initTheme();
const root = document.getElementById('app');
loadInfo()
  .then((info) => {
    startLive();
    root.textContent = '';
    render(html`<${App} info=${info} />`, root);
  })
  .catch((error) => {
    root.innerHTML = '';
    const p = document.createElement('p');
    p.className = 'boot error';
    p.textContent = `Cannot reach the zwarm dashboard server: ${error.message}. Open the URL that \`zwarm dashboard\` printed.`;
    root.append(p);
  });
