// A Chart.js canvas as a preact component. Only the pieces the dashboard draws are registered (bar and line
// charts on category/linear scales), which keeps the bundle small; colours come from the theme's CSS variables
// and the chart is rebuilt when the theme flips.
import {
  BarController, BarElement, CategoryScale, Chart, Filler, Legend, LinearScale, LineController, LineElement,
  PointElement, Tooltip,
} from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';
import { html } from './html.js';
import { useTheme } from './theme.js';

Chart.register(BarController, BarElement, CategoryScale, Filler, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip);

const PALETTE = ['--c1', '--c2', '--c3', '--c4', '--c5', '--c6', '--c7', '--c8'];

export function seriesColor(index) {
  const css = getComputedStyle(document.documentElement);
  return css.getPropertyValue(PALETTE[index % PALETTE.length]).trim() || '#888';
}

function themed(config) {
  const css = getComputedStyle(document.documentElement);
  const text = css.getPropertyValue('--muted').trim();
  const grid = css.getPropertyValue('--line').trim();
  const scales = {};
  for (const [name, scale] of Object.entries(config.options?.scales ?? {})) {
    scales[name] = {
      ...scale,
      ticks: { color: text, ...(scale.ticks ?? {}) },
      grid: { color: grid, ...(scale.grid ?? {}) },
      title: scale.title ? { color: text, display: true, ...scale.title } : undefined,
    };
  }
  return {
    ...config,
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      ...config.options,
      scales,
      plugins: { legend: { labels: { color: text, boxWidth: 12 } }, ...(config.options?.plugins ?? {}) },
    },
  };
}

export function ChartView({ config, height = 260, label }) {
  const canvas = useRef(null);
  const [theme] = useTheme();
  useEffect(() => {
    const chart = new Chart(canvas.current, themed(config));
    return () => chart.destroy();
  }, [config, theme]);
  return html`<div class="chart" style=${{ height: `${height}px` }}><canvas ref=${canvas} role="img" aria-label=${label}></canvas></div>`;
}
