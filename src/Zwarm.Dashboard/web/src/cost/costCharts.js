// Chart configurations of the cost view, built from the /api/cost shapes (by_day × model, by_adapter).
import { seriesColor } from '../lib/chart.js';

const value = (row, metric) => (metric === 'usd' ? Number(row.cost_usd) || 0 : (Number(row.input_tokens) || 0) + (Number(row.output_tokens) || 0));

export function overTime(byDay, metric) {
  const days = [...new Set(byDay.map((r) => r.day))].sort();
  const models = [...new Set(byDay.map((r) => r.model || 'default'))].sort();
  const cell = new Map(byDay.map((r) => [`${r.day}\u0000${r.model || 'default'}`, r]));
  return {
    type: 'bar',
    data: {
      labels: days,
      datasets: models.map((model, i) => ({
        label: model,
        data: days.map((day) => {
          const r = cell.get(`${day}\u0000${model}`);
          return r ? value(r, metric) : 0;
        }),
        backgroundColor: seriesColor(i),
        stack: 'm',
        maxBarThickness: 64,
      })),
    },
    options: {
      scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, title: { text: metric === 'usd' ? 'USD' : 'tokens' } } },
    },
  };
}

export function byGroup(rows, key, metric) {
  const sorted = [...rows].sort((a, b) => value(b, metric) - value(a, metric));
  return {
    type: 'bar',
    data: {
      labels: sorted.map((r) => r[key] || 'default'),
      datasets: [{
        label: metric === 'usd' ? 'USD' : 'tokens',
        data: sorted.map((r) => value(r, metric)),
        backgroundColor: sorted.map((_, i) => seriesColor(i)),
        maxBarThickness: 28,
      }],
    },
    options: { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true }, y: {} } },
  };
}
