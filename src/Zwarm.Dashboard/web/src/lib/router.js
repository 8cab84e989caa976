// Hash routing (#/sessions, #/sessions/ID, #/runs, #/runs/NAME, #/cost): the server only serves "/", so every
// view lives behind the hash and a reload or a shared link lands on the same view.
import { useEffect, useState } from 'preact/hooks';

export function parseRoute(hash) {
  const parts = (hash || '').replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [page = 'sessions', id = null] = parts;
  if (!['sessions', 'runs', 'cost'].includes(page)) {
    return { page: 'sessions', id: null };
  }
  return { page, id };
}

export function useRoute() {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onChange = () =>
      setRoute((current) => {
        const next = parseRoute(location.hash);
        return next.page === current.page && next.id === current.id ? current : next;
      });
    addEventListener('hashchange', onChange);
    // The hash can change between the first render (which read it) and this effect (which runs after paint):
    // read it again now that the listener is in place, or that change is lost and the wrong view stays.
    onChange();
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export function go(page, id) {
  location.hash = id ? `#/${page}/${encodeURIComponent(id)}` : `#/${page}`;
}
