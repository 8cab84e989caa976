// True on narrow screens (below 1100 px), where the sessions table leaves out its model and source columns.
import { useEffect, useState } from 'preact/hooks';

const query = matchMedia('(max-width: 1100px)');

export function useNarrow() {
  const [narrow, setNarrow] = useState(query.matches);
  useEffect(() => {
    const onChange = () => setNarrow(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  return narrow;
}
