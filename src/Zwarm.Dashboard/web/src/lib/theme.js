// Light/dark theme: follows prefers-color-scheme until the user picks one with the toggle; the pick is kept in
// localStorage and applied as data-theme on <html>, which the CSS variables key on.
import { useEffect, useState } from 'preact/hooks';

const KEY = 'zwarm-dashboard-theme';
const media = matchMedia('(prefers-color-scheme: dark)');

function stored() {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function currentTheme() {
  return document.documentElement.dataset.theme;
}

function apply(choice) {
  document.documentElement.dataset.theme = choice ?? (media.matches ? 'dark' : 'light');
  dispatchEvent(new CustomEvent('zwarm-theme'));
}

export function initTheme() {
  apply(stored());
  media.addEventListener('change', () => apply(stored()));
}

export function useTheme() {
  const [theme, setTheme] = useState(currentTheme());
  useEffect(() => {
    const onChange = () => setTheme(currentTheme());
    addEventListener('zwarm-theme', onChange);
    return () => removeEventListener('zwarm-theme', onChange);
  }, []);
  const toggle = () => {
    const next = currentTheme() === 'dark' ? 'light' : 'dark';
    try {
      localStorage.setItem(KEY, next);
    } catch {
      // Private mode: the toggle still works for this page.
    }
    apply(next);
  };
  return [theme, toggle];
}
