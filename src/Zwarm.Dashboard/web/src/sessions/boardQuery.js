// Filtering, searching and sorting of the session rows, kept apart from the view so the board re-renders only
// the visible page: 1,000 rows are filtered and sorted in well under a millisecond, then 50 are drawn.
const num = (v) => (v === null || v === undefined ? -1 : Number(v));
const time = (v) => (v ? Date.parse(v) || 0 : 0);

export const SORTS = {
  status: (a, b) => String(a.status).localeCompare(String(b.status)),
  task: (a, b) => String(a.task).localeCompare(String(b.task)),
  adapter: (a, b) => String(a.adapter).localeCompare(String(b.adapter)),
  model: (a, b) => String(a.model).localeCompare(String(b.model)),
  turns: (a, b) => num(a.turns) - num(b.turns),
  tokens: (a, b) => totalTokens(a) - totalTokens(b),
  cost: (a, b) => num(a.cost_usd) - num(b.cost_usd),
  source: (a, b) => String(a.source).localeCompare(String(b.source)),
  age: (a, b) => time(a.created_at) - time(b.created_at),
  updated: (a, b) => time(a.updated_at) - time(b.updated_at),
};

export const totalTokens = (row) => (Number(row.input_tokens) || 0) + (Number(row.output_tokens) || 0);

export function query(rows, { status, adapter, source, search, sort, desc }) {
  const needle = search.trim().toLowerCase();
  const kept = rows.filter((row) =>
    (!status || row.status === status)
    && (!adapter || row.adapter === adapter)
    && (!source || row.source === source)
    && (!needle || String(row.task).toLowerCase().includes(needle) || row.id.startsWith(needle)
      || String(row.branch ?? row.workspace?.branch ?? '').toLowerCase().includes(needle)));
  const compare = SORTS[sort] ?? SORTS.age;
  kept.sort((a, b) => {
    const c = compare(a, b) || time(a.created_at) - time(b.created_at) || a.id.localeCompare(b.id);
    return desc ? -c : c;
  });
  return kept;
}

export function counts(rows, key) {
  const map = new Map();
  for (const row of rows) {
    const value = row[key] ?? '';
    map.set(value, (map.get(value) ?? 0) + 1);
  }
  return [...map.entries()].sort((a, b) => String(a[0]).localeCompare(String(b[0])));
}
