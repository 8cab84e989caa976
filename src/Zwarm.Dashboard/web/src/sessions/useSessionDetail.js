// Loads a session (show --json) and its trajectory, reloading when its live row changes, and follows the running
// turn through /api/sessions/{id}/stream?turn=N. The stream replays the turn from its start, so its steps replace
// that turn's steps (and a reconnect starts the list over rather than doubling it).
import { useEffect, useRef, useState } from 'preact/hooks';
import { getJson, sessionPath } from '../lib/api.js';

const isRunning = (status) => status === 'running' || status === 'pending';

export function useSessionDetail(id, row) {
  const [detail, setDetail] = useState(null);
  const [steps, setSteps] = useState([]);
  const [error, setError] = useState(null);
  const [stream, setStream] = useState({ turn: null, steps: [] });
  const [tick, setTick] = useState(0);
  const reload = () => setTick((t) => t + 1);

  // Row changes can come faster than a load takes (a busy session rewrites meta.json often): one load at a time,
  // and one more after it when something changed meanwhile, instead of aborting loads that would never finish.
  const loader = useRef({ busy: false, again: false, id, mounted: true });
  useEffect(() => {
    const state = loader.current;
    state.mounted = true;
    return () => {
      state.mounted = false;
    };
  }, []);
  useEffect(() => {
    const state = loader.current;
    state.id = id;
    const load = () => {
      if (state.busy) {
        state.again = true;
        return;
      }
      state.busy = true;
      const wanted = state.id;
      Promise.all([getJson(sessionPath(wanted)), getJson(`${sessionPath(wanted)}/trajectory`)])
        .then(([d, t]) => {
          if (state.mounted && state.id === wanted) {
            setDetail(d);
            setSteps(Array.isArray(t) ? t : t?.steps ?? []);
            setError(null);
          }
        })
        .catch((e) => state.mounted && state.id === wanted && setError(e.message))
        .finally(() => {
          state.busy = false;
          if (state.again && state.mounted) {
            state.again = false;
            load();
          }
        });
    };
    load();
  }, [id, tick, row?.updated_at, row?.status, row?.turns]);

  const status = row?.status ?? detail?.session?.status;
  const turn = row?.turns ?? detail?.session?.turn;
  const liveTurn = isRunning(status) && turn ? turn : null;

  useEffect(() => {
    if (!liveTurn) {
      setStream({ turn: null, steps: [] });
      return undefined;
    }
    const source = new EventSource(`${sessionPath(id)}/stream?turn=${liveTurn}`);
    let collected = [];
    let queued = false;
    const flush = () => {
      queued = false;
      setStream({ turn: liveTurn, steps: collected });
    };
    source.addEventListener('open', () => {
      collected = [];
      flush();
    });
    source.addEventListener('step', (e) => {
      try {
        collected = [...collected, JSON.parse(e.data)];
      } catch {
        return;
      }
      // Many steps can arrive at once (the replay): draw them in one go.
      if (!queued) {
        queued = true;
        setTimeout(flush, 30);
      }
    });
    source.addEventListener('end', () => {
      source.close();
      reload();
    });
    return () => source.close();
  }, [id, liveTurn]);

  // The stream's copy of the live turn wins once it has caught up with the loaded trajectory.
  const loaded = stream.turn ? steps.filter((s) => s.turn === stream.turn).length : 0;
  const merged = stream.turn && stream.steps.length >= loaded
    ? [...steps.filter((s) => s.turn !== stream.turn), ...stream.steps]
    : steps;
  return { detail, steps: merged, error, liveTurn: stream.turn ?? liveTurn, reload };
}
