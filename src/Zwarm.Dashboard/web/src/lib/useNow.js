// A clock for relative ages ("3m"): re-renders every few seconds without touching the server.
import { useEffect, useState } from 'preact/hooks';

export function useNow(everyMs = 10000) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
