// Formatting shared by every view: ages, token counts, dollars, and the status → colour class mapping.
const STATUS_CLASS = {
  running: 'st-running',
  pending: 'st-pending',
  starting: 'st-pending',
  completed: 'st-completed',
  failed: 'st-failed',
  killed: 'st-killed',
  interrupted: 'st-killed',
  removed: 'st-removed',
  waiting: 'st-pending',
  stopped: 'st-killed',
  done: 'st-completed',
  finished: 'st-completed',
};

export const statusClass = (status) => STATUS_CLASS[String(status ?? '').toLowerCase()] ?? 'st-other';

export function age(iso, now = Date.now()) {
  if (!iso) {
    return '';
  }
  const then = Date.parse(iso);
  if (Number.isNaN(then)) {
    return '';
  }
  const s = Math.max(0, Math.round((now - then) / 1000));
  if (s < 60) {
    return `${s}s`;
  }
  if (s < 3600) {
    return `${Math.floor(s / 60)}m`;
  }
  if (s < 86400) {
    return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}`;
  }
  return `${Math.floor(s / 86400)}d`;
}

export function tokens(n) {
  const v = Number(n) || 0;
  if (v >= 1e6) {
    return `${(v / 1e6).toFixed(v >= 1e7 ? 0 : 1)}M`;
  }
  if (v >= 1e3) {
    return `${(v / 1e3).toFixed(v >= 1e4 ? 0 : 1)}k`;
  }
  return String(v);
}

export function usd(n) {
  if (n === null || n === undefined) {
    return '–';
  }
  const v = Number(n) || 0;
  if (v === 0) {
    return '$0';
  }
  return v < 0.01 ? `$${v.toFixed(4)}` : `$${v.toFixed(2)}`;
}

export const when = (iso) => (iso ? new Date(iso).toLocaleString() : '');

export function duration(ms) {
  if (ms === null || ms === undefined || Number.isNaN(ms)) {
    return '';
  }
  const s = ms / 1000;
  return s < 60 ? `${s.toFixed(1)}s` : `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s`;
}
