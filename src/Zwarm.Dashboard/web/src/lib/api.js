// The one place that talks HTTP to the zwarm dashboard server (see DASHBOARD-CONTRACT.md): the auth cookie
// rides along by itself; POSTs carry the CSRF token from /api/info. Errors surface as ApiError with the
// server's one-line {"error"} text, which the UI shows as it is (the CLI's own refusal messages).
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

let info = null;

async function read(response) {
  const text = await response.text();
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!response.ok) {
    const message = body && typeof body.error === 'string' ? body.error : `${response.status} ${response.statusText}`;
    throw new ApiError(response.status, message);
  }
  return body;
}

export async function getJson(path, signal) {
  const response = await fetch(path, { headers: { Accept: 'application/json' }, credentials: 'same-origin', signal });
  return read(response);
}

export async function loadInfo() {
  info = await getJson('/api/info');
  return info;
}

export function serverInfo() {
  return info;
}

export async function postJson(path, body) {
  if (!info) {
    await loadInfo();
  }
  const response = await fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-Zwarm-Csrf': info.csrf },
    body: JSON.stringify(body ?? {}),
  });
  return read(response);
}

export const sessionPath = (id) => `/api/sessions/${encodeURIComponent(id)}`;
export const runPath = (name) => `/api/runs/${encodeURIComponent(name)}`;
