// The session's actions: continue with a message, kill, and for isolated sessions merge / apply / discard. Each is
// the server's (the CLI's) service call; a refusal comes back as {"error"} and is shown as it is. Discard asks
// for a second click. The whole panel is absent in --read-only.
import { useState } from 'preact/hooks';
import { html } from '../lib/html.js';
import { postJson, sessionPath } from '../lib/api.js';

export function Actions({ id, status, isolated, onDone }) {
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(null);
  const [notice, setNotice] = useState(null);
  const [confirm, setConfirm] = useState(false);
  const running = status === 'running' || status === 'pending';

  const act = async (verb, body) => {
    setBusy(verb);
    setNotice(null);
    try {
      const result = await postJson(`${sessionPath(id)}/${verb}`, body);
      const text = verb === 'continue' ? `Turn ${result?.turn ?? ''} started.`
        : verb === 'kill' ? 'Killed.' : result?.message ?? 'Done.';
      setNotice({ ok: true, text });
      if (verb === 'continue') {
        setMessage('');
      }
      onDone?.();
    } catch (error) {
      setNotice({ ok: false, text: error.message });
    } finally {
      setBusy(null);
      setConfirm(false);
    }
  };

  const send = (e) => {
    e.preventDefault();
    if (message.trim()) {
      act('continue', { message: message.trim() });
    }
  };

  return html`<section class="actions" data-actions>
    <form class="continue" onSubmit=${send}>
      <textarea rows="2" placeholder=${running ? 'The session is running; continue when its turn ends.' : 'Continue the session with a message… (Ctrl+Enter sends)'}
                value=${message} onInput=${(e) => setMessage(e.target.value)} aria-label="Message"
                onKeyDown=${(e) => e.key === 'Enter' && (e.ctrlKey || e.metaKey) && send(e)} data-continue-message></textarea>
      <button type="submit" class="primary" disabled=${!message.trim() || busy} data-action="continue">
        ${busy === 'continue' ? 'Sending…' : 'Continue'}</button>
    </form>
    <div class="buttons">
      <button class="danger" disabled=${!running || busy} onClick=${() => act('kill')} data-action="kill"
              title="Interrupt, then terminate the agent's process group">${busy === 'kill' ? 'Killing…' : 'Kill'}</button>
      ${isolated && html`
        <button disabled=${busy} onClick=${() => act('merge')} data-action="merge" title="Merge the session's branch into your branch">Merge</button>
        <button disabled=${busy} onClick=${() => act('apply')} data-action="apply" title="Apply the changes to your tree as uncommitted edits">Apply</button>
        <button class=${confirm ? 'danger' : ''} disabled=${busy} data-action="discard"
                onClick=${() => (confirm ? act('discard') : setConfirm(true))} onBlur=${() => setConfirm(false)}
                title="Delete the worktree and the branch">${confirm ? 'Really discard?' : 'Discard'}</button>`}
    </div>
    ${notice && html`<p class=${notice.ok ? 'notice ok' : 'notice error'} role="status" data-action-notice>${notice.text}</p>`}
  </section>`;
}
