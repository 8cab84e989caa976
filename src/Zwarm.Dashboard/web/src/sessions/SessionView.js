// One session: what it is (facts), what it did (the trajectory, the running turn followed live), what it cost
// (per turn), what it changed (the diff, for isolated sessions), and the actions. Esc goes back to the board.
import { useState } from 'preact/hooks';
import { html } from '../lib/html.js';
import { age, tokens, usd, when } from '../lib/format.js';
import { useNow } from '../lib/useNow.js';
import { StatusPill } from './SessionRow.js';
import { Trajectory } from './Trajectory.js';
import { Diff } from './Diff.js';
import { Actions } from './Actions.js';
import { TurnsTable } from './TurnsTable.js';
import { useSessionDetail } from './useSessionDetail.js';

function Fact({ label, children, mono }) {
  return html`<div class="fact"><dt>${label}</dt><dd class=${mono ? 'mono' : ''}>${children}</dd></div>`;
}

export function SessionView({ id, live, readOnly }) {
  const row = live.sessions.get(id) ?? [...live.sessions.values()].find((r) => r.id.startsWith(id));
  const { detail, steps, error, liveTurn, reload } = useSessionDetail(row?.id ?? id, row);
  const [tab, setTab] = useState('trajectory');
  const now = useNow();
  const session = detail?.session;
  const workspace = session?.workspace ?? null;
  const status = row?.status ?? session?.status;

  if (!detail) {
    return html`<section class="session"><a class="back" href="#/sessions">← Sessions</a>
      ${error ? html`<p class="notice error">${error}</p>` : html`<p class="muted">Loading…</p>`}</section>`;
  }
  const usage = session.token_usage ?? {};
  return html`<section class="session" data-session=${session.id} data-status=${status}>
    <div class="crumbs"><a class="back" href="#/sessions" title="Back (Esc)">← Sessions</a></div>
    <header class="session-head">
      <${StatusPill} status=${status} />
      <h1 title=${session.task}>${session.task}</h1>
    </header>
    ${error && html`<p class="notice error">${error}</p>`}
    <div class="session-grid">
      <div class="main-col">
        <div class="tabs-inline" role="tablist">
          <button role="tab" class=${tab === 'trajectory' ? 'active' : ''} onClick=${() => setTab('trajectory')} data-tab="trajectory">Trajectory</button>
          ${workspace && html`<button role="tab" class=${tab === 'changes' ? 'active' : ''} onClick=${() => setTab('changes')} data-tab="changes">
            Changes <span class="add">+${workspace.added ?? 0}</span> <span class="del">−${workspace.removed ?? 0}</span></button>`}
          <button role="tab" class=${tab === 'turns' ? 'active' : ''} onClick=${() => setTab('turns')} data-tab="turns">Turns & cost</button>
        </div>
        ${tab === 'trajectory' && html`<${Trajectory} detail=${detail} steps=${steps} liveTurn=${liveTurn} />`}
        ${tab === 'changes' && workspace && html`<${Diff} id=${session.id} turns=${workspace.turn_commits ?? []} version=${row?.updated_at} />`}
        ${tab === 'turns' && html`<${TurnsTable} detail=${detail} />`}
      </div>
      <aside class="side-col">
        ${!readOnly && html`<${Actions} id=${session.id} status=${status} isolated=${Boolean(workspace)} onDone=${reload} />`}
        <dl class="facts">
          <${Fact} label="id" mono>${session.id}<//>
          <${Fact} label="adapter">${session.adapter}<//>
          <${Fact} label="model" mono>${session.model || 'default'}<//>
          <${Fact} label="sandbox">${session.sandbox}<//>
          <${Fact} label="started by">${session.source}<//>
          <${Fact} label="turns">${(detail.turns ?? []).length}<//>
          <${Fact} label="tokens">${tokens(usage.input_tokens)} in · ${tokens(usage.cached_input_tokens)} cached · ${tokens(usage.output_tokens)} out<//>
          <${Fact} label="cost">${usd(session.cost_usd)}<//>
          <${Fact} label="created"><span title=${when(session.created_at)}>${age(session.created_at, now)} ago</span><//>
          <${Fact} label="updated"><span title=${when(session.updated_at)}>${age(session.updated_at, now)} ago</span><//>
          <${Fact} label="directory" mono>${session.working_dir}<//>
          ${session.group && html`<${Fact} label="group">${session.group}<//>`}
          ${workspace && html`
            <${Fact} label="branch" mono>${workspace.branch}<//>
            <${Fact} label="base" mono>${workspace.base_branch ?? ''} ${String(workspace.base ?? '').slice(0, 10)}<//>
            <${Fact} label="changes"><span class="add">+${workspace.added ?? 0}</span> <span class="del">−${workspace.removed ?? 0}</span> in ${workspace.files_changed ?? 0} files<//>
            ${(workspace.merges ?? []).length > 0 && html`<${Fact} label="merged">${workspace.merges.length}×<//>`}
            ${workspace.problem && html`<${Fact} label="problem">${workspace.problem}<//>`}`}
          ${session.error && html`<${Fact} label="error"><span class="bad-text">${session.error}</span><//>`}
        </dl>
      </aside>
    </div>
  </section>`;
}
