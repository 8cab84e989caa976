// The live store: one EventSource('/api/events') for the whole page. Sessions and runs are kept by id and replaced
// by each `session` / `run` event (the server sends the full row), so the page never polls and never reloads.
// After a reconnect the full lists are fetched again, since events sent while disconnected are lost.
import { useEffect, useState } from 'preact/hooks';
import { getJson } from './api.js';

const sessions = new Map();
const runs = new Map();
const listeners = new Set();
let state = { connected: false, loaded: false, error: null, version: 0 };
let pending = null;

function notify(patch) {
  state = { ...state, ...patch, version: state.version + 1 };
  for (const listener of listeners) {
    listener(state);
  }
}

function applySession(row) {
  if (row && typeof row.id === 'string') {
    sessions.set(row.id, row);
  }
}

function applyRun(row) {
  if (row && typeof row.id === 'string') {
    runs.set(row.id, row);
  }
}

async function reload() {
  pending = [];
  try {
    const [list, instances] = await Promise.all([getJson('/api/sessions'), getJson('/api/runs').catch(() => null)]);
    sessions.clear();
    for (const row of list?.sessions ?? []) {
      applySession(row);
    }
    const runRows = Array.isArray(instances) ? instances : instances?.instances ?? [];
    runs.clear();
    for (const row of runRows) {
      applyRun(row);
    }
    for (const apply of pending) {
      apply();
    }
    pending = null;
    notify({ loaded: true, error: null });
  } catch (error) {
    pending = null;
    notify({ loaded: true, error: error.message });
  }
}

function parse(event) {
  try {
    return JSON.parse(event.data);
  } catch {
    return null;
  }
}

function handle(apply) {
  if (pending) {
    pending.push(apply);
  } else {
    apply();
    notify({});
  }
}

export function startLive() {
  const source = new EventSource('/api/events');
  let dropped = false;
  source.addEventListener('open', () => {
    notify({ connected: true });
    if (dropped) {
      dropped = false;
      reload();
    }
  });
  source.addEventListener('error', () => {
    dropped = true;
    notify({ connected: false });
  });
  source.addEventListener('session', (e) => {
    const row = parse(e);
    handle(() => applySession(row));
  });
  source.addEventListener('removed', (e) => {
    const body = parse(e);
    handle(() => body && sessions.delete(body.id));
  });
  source.addEventListener('run', (e) => {
    const row = parse(e);
    handle(() => applyRun(row));
  });
  reload();
}

export function useLive() {
  const [, setState] = useState(state);
  useEffect(() => {
    listeners.add(setState);
    return () => listeners.delete(setState);
  }, []);
  return { ...state, sessions, runs };
}
