/**
 * Keeps the address bar equal to what is on screen (scenario, speed, time, the person's
 * actions), at most every 500 ms, with history.replaceState so Back still leaves the app.
 */
import { useEffect } from 'react';
import { useSimStore } from '../store/SimStoreProvider';
import { encodeLink } from '../store/url';

const EVERY_MS = 500;

export function useUrlSync(): void {
  const store = useSimStore();
  useEffect(() => {
    let stopped = false;
    let busy = false;
    const tick = async () => {
      const s = store.getState();
      if (busy || s.status !== 'ready' || !s.scenarioId) return;
      busy = true;
      try {
        const actions = await s.actionLog();
        const now = store.getState();
        // A new scenario may have started loading meanwhile: its link is written next time.
        if (stopped || now.status !== 'ready' || now.scenarioId !== s.scenarioId) return;
        const query = encodeLink({
          scenario: now.scenarioId,
          speed: now.playback.speed,
          t: (now.frame?.t ?? 0) / 1000,
          actions,
        });
        const { pathname, search, hash } = window.location;
        if (query !== search)
          window.history.replaceState(window.history.state, '', `${pathname}${query}${hash}`);
      } catch (e) {
        console.warn('The address bar could not be updated:', e);
      } finally {
        busy = false;
      }
    };
    const id = setInterval(() => void tick(), EVERY_MS);
    return () => {
      stopped = true;
      clearInterval(id);
    };
  }, [store]);
}
