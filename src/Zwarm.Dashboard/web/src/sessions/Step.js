// One trajectory step (the `traj --json` shape) drawn by kind: replies, reasoning, commands with output and exit
// code, file changes, tool calls and results, usage, warnings and errors. Text is rendered as text, never HTML.
import { html } from '../lib/html.js';
import { tokens } from '../lib/format.js';

const LONG = 600;

function Output({ text, open, error }) {
  if (!text) {
    return null;
  }
  const lines = text.split('\n').length;
  return html`<details class=${error ? 'out error' : 'out'} open=${open || (text.length < LONG && lines <= 12)}>
    <summary>${lines} line${lines === 1 ? '' : 's'} of output</summary><pre>${text}</pre></details>`;
}

function Truncated({ step }) {
  return step.truncated ? html`<span class="muted small"> (cut: the full text is in the turn's log)</span>` : null;
}

export function Step({ step }) {
  const kind = step.kind;
  switch (kind) {
    case 'message':
      return html`<li class="step message" data-kind=${kind}><div class="who">agent</div><div class="bubble">${step.text}<${Truncated} step=${step} /></div></li>`;
    case 'reasoning':
      return html`<li class="step reasoning" data-kind=${kind}><details><summary>reasoning</summary><p>${step.text}</p></details></li>`;
    case 'command_started':
      return html`<li class="step command running" data-kind=${kind}><code class="cmd">$ ${step.command}</code><span class="spinner" aria-label="running"></span></li>`;
    case 'command': {
      const failed = step.exit_code !== null && step.exit_code !== 0;
      return html`<li class=${failed ? 'step command failed' : 'step command'} data-kind=${kind}>
        <div class="cmdline"><code class="cmd">$ ${step.command}</code>
          ${step.exit_code !== null && html`<span class=${failed ? 'exit bad' : 'exit ok'}>exit ${step.exit_code}</span>`}</div>
        <${Output} text=${step.output} error=${failed} /></li>`;
    }
    case 'file_change':
      return html`<li class=${step.is_error ? 'step files failed' : 'step files'} data-kind=${kind}>
        <span class="label">files</span>
        <ul>${(step.changes ?? []).map((c) => html`<li><span class=${`fk fk-${c.kind}`}>${c.kind}</span> <code>${c.path}</code></li>`)}</ul></li>`;
    case 'tool_call':
      return html`<li class="step tool" data-kind=${kind}><span class="label">tool</span> <b>${step.tool}</b>
        ${step.text && html`<${Output} text=${step.text} />`}</li>`;
    case 'tool_result':
      return html`<li class=${step.is_error ? 'step tool failed' : 'step tool'} data-kind=${kind}><span class="label">result</span> <b>${step.tool}</b>
        <${Output} text=${step.output} error=${step.is_error} /></li>`;
    case 'usage':
      return html`<li class="step usage" data-kind=${kind}><span class="label">usage</span>
        ${tokens(step.usage?.input_tokens)} in · ${tokens(step.usage?.cached_input_tokens)} cached · ${tokens(step.usage?.output_tokens)} out
        ${step.usage?.reasoning_output_tokens ? ` · ${tokens(step.usage.reasoning_output_tokens)} reasoning` : ''}</li>`;
    case 'error':
    case 'turn_failed':
    case 'permission_denied':
      return html`<li class="step problem" data-kind=${kind}><span class="label">${kind.replace('_', ' ')}</span>
        ${step.tool ? html`<b>${step.tool}</b> ` : ''}<span class="text">${step.text}</span></li>`;
    case 'warning':
      return html`<li class="step warn" data-kind=${kind}><span class="label">warning</span> <span class="text">${step.text}</span></li>`;
    case 'turn_completed':
      return html`<li class="step done" data-kind=${kind}><span class="label">turn completed</span></li>`;
    case 'conversation':
      return null;
    default:
      return html`<li class="step other" data-kind=${kind}><span class="label">${kind}</span> ${step.tool ?? ''}
        <${Output} text=${step.text ?? step.output} /></li>`;
  }
}

/** Drops a command's "started" step once its finished step is there, so a command shows once. */
export function visibleSteps(steps) {
  const finished = new Map();
  for (const s of steps) {
    if (s.kind === 'command') {
      finished.set(s.command, (finished.get(s.command) ?? 0) + 1);
    }
  }
  const out = [];
  for (const s of steps) {
    if (s.kind === 'command_started' && (finished.get(s.command) ?? 0) > 0) {
      finished.set(s.command, finished.get(s.command) - 1);
      continue;
    }
    out.push(s);
  }
  return out;
}
