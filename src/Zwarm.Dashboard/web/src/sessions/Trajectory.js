// A session's turns as its trajectory: per turn the prompt, then every step in order, with the turn's status,
// duration, tokens and cost in its header. The running turn is marked live; its steps arrive from the stream.
import { useEffect } from 'preact/hooks';
import { html } from '../lib/html.js';
import { duration, tokens, usd, when } from '../lib/format.js';
import { StatusPill } from './SessionRow.js';
import { Step, visibleSteps } from './Step.js';

function TurnHeader({ turn, meta, live }) {
  const usage = turn.usage ?? meta?.usage;
  const took = meta?.started_at && meta?.ended_at ? Date.parse(meta.ended_at) - Date.parse(meta.started_at) : null;
  return html`<header class="turn-head">
    <h3>Turn ${turn.turn}</h3>
    <${StatusPill} status=${turn.status} />
    ${live && html`<span class="live-tag" data-live-turn=${turn.turn}><i></i>following live</span>`}
    <span class="spacer"></span>
    ${meta?.started_at && html`<span class="muted small" title=${when(meta.started_at)}>${when(meta.started_at)}</span>`}
    ${took !== null && html`<span class="muted small">${duration(took)}</span>`}
    ${usage && html`<span class="small" title="input · output tokens">${tokens(usage.input_tokens)} in · ${tokens(usage.output_tokens)} out</span>`}
    <span class="small">${usd(turn.cost_usd ?? meta?.cost_usd)}</span>
    ${turn.exit_code !== null && turn.exit_code !== undefined && html`<span class=${turn.exit_code === 0 ? 'exit ok' : 'exit bad'}>exit ${turn.exit_code}</span>`}
  </header>`;
}

/** While a turn is followed live, new steps keep the page scrolled to the bottom, unless the reader scrolled up. */
function useFollow(liveTurn, count) {
  useEffect(() => {
    const slack = document.documentElement.scrollHeight - (scrollY + innerHeight);
    if (liveTurn && slack < 240) {
      scrollTo({ top: document.documentElement.scrollHeight });
    }
  }, [liveTurn, count]);
}

export function Trajectory({ detail, steps, liveTurn }) {
  useFollow(liveTurn, steps.length);
  const metaTurns = new Map((detail.session?.turns ?? []).map((t) => [t.turn, t]));
  const turns = detail.turns ?? [];
  const byTurn = new Map();
  for (const step of steps) {
    if (!byTurn.has(step.turn)) {
      byTurn.set(step.turn, []);
    }
    byTurn.get(step.turn).push(step);
  }
  return html`<div class="trajectory">
    ${turns.map((turn) => {
      const own = visibleSteps(byTurn.get(turn.turn) ?? []);
      const live = liveTurn === turn.turn;
      return html`<article class="turn" id=${`turn-${turn.turn}`} data-turn=${turn.turn}>
        <${TurnHeader} turn=${turn} meta=${metaTurns.get(turn.turn)} live=${live} />
        <div class="prompt"><div class="who">you</div><div class="bubble">${turn.prompt}</div></div>
        <ol class="steps" data-steps=${turn.turn}>${own.map((step, i) => html`<${Step} key=${i} step=${step} />`)}</ol>
        ${live && html`<p class="muted small waiting"><span class="spinner"></span> waiting for the agent…</p>`}
        ${turn.error && html`<p class="notice error">${turn.error}</p>`}
      </article>`;
    })}
  </div>`;
}
