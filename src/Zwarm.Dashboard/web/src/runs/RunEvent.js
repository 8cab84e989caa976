// One record of a run's events.jsonl, drawn by kind (run_started, step_started, llm_call, tool_call, tool_result,
// watcher, nudge, compaction, pause, abort, exit, error, run_ended, pilot turns…); unknown kinds show their fields.
import { html } from '../lib/html.js';
import { duration, tokens, usd } from '../lib/format.js';

const TONE = {
  tool_call: 'tool', tool_result: 'tool', llm_call: 'llm', watcher: 'watch', nudge: 'watch', pause: 'warn', abort: 'bad',
  error: 'bad', interrupted: 'warn', step_limit: 'warn', compaction: 'info', run_started: 'good', run_ended: 'good',
  exit: 'good', resumed: 'info', user_message: 'llm', turn_end: 'info', step_started: 'step', rewind: 'warn',
};

function Long({ text, label = 'text' }) {
  if (!text) {
    return null;
  }
  return text.length <= 240 && !text.includes('\n')
    ? html`<span class="ev-text">${text}</span>`
    : html`<details class="out"><summary>${label} (${text.length} chars)</summary><pre>${text}</pre></details>`;
}

function Body({ e }) {
  switch (e.kind) {
    case 'run_started':
      return html`<span>${e.task}</span> <span class="muted small">${e.provider}/${e.model} · max ${e.max_steps} steps</span>`;
    case 'resumed':
      return html`<span class="muted small">from ${e.previous_status} · ${e.messages} messages</span> <${Long} text=${e.new_instruction} />`;
    case 'step_started':
      return html`<span class="muted small">${e.running} running · ${e.stopped} stopped · ${e.needs_attention} need attention ·
        ${tokens(e.total_tokens)} tokens · ${usd(e.cost_usd)}</span> <${Long} text=${e.observation} label="observation" />`;
    case 'llm_call':
      return html`<span class="small">${e.model ?? ''} · ${tokens(e.input_tokens)} in · ${tokens(e.output_tokens)} out ·
        ${duration(e.duration_ms)} · ${e.tool_calls} tool call${e.tool_calls === 1 ? '' : 's'}${e.finish_reason ? ` · ${e.finish_reason}` : ''}</span>
        <${Long} text=${e.text} />`;
    case 'tool_call':
      return html`<b>${e.name}</b> <${Long} text=${JSON.stringify(e.arguments, null, 2)} label="arguments" />`;
    case 'tool_result':
      return html`<b>${e.name}</b> <span class=${e.is_error ? 'bad-text' : ''}>${e.summary}</span>
        <span class="muted small">${duration(e.duration_ms)}</span>
        ${(e.sessions ?? []).map((id) => html` <a class="mono small" href=${`#/sessions/${id}`}>${id.slice(0, 8)}</a>`)}
        <${Long} text=${e.result} label="result" />`;
    case 'watcher':
      return html`<b>${e.watcher}</b> → ${e.action}${e.message ? html`: <${Long} text=${e.message} />` : ''}`;
    case 'nudge':
      return html`<b>${e.watcher}</b> <${Long} text=${e.message} />`;
    case 'compaction':
      return html`<span class="small">${e.removed_messages} messages folded, ${e.kept_messages} kept · ${tokens(e.tokens_before)} → ${tokens(e.tokens_after)} tokens</span>`;
    case 'pause':
    case 'abort':
      return html`<b>${e.watcher}</b> ${e.reason}`;
    case 'exit':
      return html`<${Long} text=${e.summary} label="summary" />`;
    case 'interrupted':
      return html`${e.reason}`;
    case 'error':
      return html`<span class="bad-text">${e.message}</span> <span class="muted small">${e.source}</span>`;
    case 'run_ended':
      return html`<b>${e.status}</b>${e.reason ? ` (${e.reason})` : ''} <span class="muted small">${e.run_steps} steps ·
        ${tokens(e.input_tokens)} in · ${tokens(e.output_tokens)} out · ${usd(e.cost_usd)} · ${duration(e.duration_ms)}</span>`;
    case 'user_message':
      return html`<span class="muted small">turn ${e.turn}</span> <${Long} text=${e.text} />`;
    case 'turn_end':
      return html`<span class="muted small">turn ${e.turn} · ${e.end} · ${e.turn_steps} steps · ${tokens(e.input_tokens)} in · ${tokens(e.output_tokens)} out</span>`;
    default: {
      const { ts, step, kind, ...rest } = e;
      return html`<${Long} text=${JSON.stringify(rest)} label="fields" />`;
    }
  }
}

export function RunEvent({ event }) {
  const time = event.ts ? new Date(event.ts).toLocaleTimeString() : '';
  return html`<li class=${`ev tone-${TONE[event.kind] ?? 'info'}`} data-event-kind=${event.kind}>
    <span class="ev-time mono small" title=${event.ts}>${time}</span>
    <span class="ev-step mono small">#${event.step}</span>
    <span class="ev-kind">${event.kind?.replace('_', ' ')}</span>
    <div class="ev-body"><${Body} e=${event} /></div>
  </li>`;
}
