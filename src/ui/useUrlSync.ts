/**
 * Keeps the address bar equal to what is on screen (scenario, speed, time, the person's
 * actions) with history.replaceState: edits rewrite the scenario's own history entry, so Back
 * goes to the previous scenario the person opened (useScenario pushes an entry per pick), not
 * through every edit. While playing the clock
 * moves every frame, and each write costs the browser real work, so it is written at most every
 * 2 s then; a pause, seek, step, speed change or edit is written at once (after a short
 * coalescing delay, so dragging the seek slider writes once per pause in the drag).
 */
import { useEffect } from 'react';
import type { SimState } from '../store/createSimStore';
import { useSimStore } from '../store/SimStoreProvider';
import { encodeLink, entryScenario } from '../store/url';
import { isCustomId } from './share/customLocation';

const PLAYING_EVERY_MS = 2000;
const SOON_MS = 50;

/** A change a person made (or sees as a jump), which the link should show without waiting. */
function changedByPerson(s: SimState, prev: SimState): boolean {
  return (
    s.status !== prev.status ||
    s.scenarioId !== prev.scenarioId ||
    s.epoch !== prev.epoch ||
    s.console !== prev.console ||
    s.gesturesEnded !== prev.gesturesEnded ||
    s.playback.playing !== prev.playback.playing ||
    s.playback.speed !== prev.playback.speed ||
    s.frame?.traffic.rps !== prev.frame?.traffic.rps ||
    s.frame?.traffic.target !== prev.frame?.traffic.target ||
    // Paused, the clock moves only by seek or step.
    (!s.playback.playing && s.frame?.t !== prev.frame?.t)
  );
}

/** Longest the write waits for the main thread to be idle (ms). */
const IDLE_TIMEOUT_MS = 500;

/**
 * The next idle period: after a frame is drawn and before the next one is due, when the page's
 * layout is clean. replaceState lays out the page (for scroll restoration) and waits on the
 * browser process (7–18 ms measured while playing big-fleet, most of it waiting): done inside an
 * animation frame, that wait was part of the frame's task (bench:ui counted it in its long tasks).
 */
function whenIdle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function')
      requestIdleCallback(() => resolve(), { timeout: IDLE_TIMEOUT_MS });
    else setTimeout(resolve, 0);
  });
}

export function useUrlSync(): void {
  const store = useSimStore();
  useEffect(() => {
    let stopped = false;
    let busy = false;
    let again = false;
    let soon: ReturnType<typeof setTimeout> | null = null;
    const write = async () => {
      const s = store.getState();
      if (s.status !== 'ready' || !s.scenarioId) return;
      if (busy) {
        again = true;
        return;
      }
      busy = true;
      try {
        const actions = await s.actionLog();
        const now = store.getState();
        // A new scenario may have started loading meanwhile: its link is written next time.
        if (stopped || now.status !== 'ready' || now.scenarioId !== s.scenarioId) return;
        const query = await encodeLink({
          // A custom scenario is in the fragment (customLocation.ts), which stays as it is.
          scenario: isCustomId(now.scenarioId) ? null : now.scenarioId,
          speed: now.playback.speed,
          t: (now.frame?.t ?? 0) / 1000,
          actions,
        });
        const { pathname, search, hash } = window.location;
        if (query !== search) await whenIdle();
        // The entry may belong to another scenario by now (picked, or Back/Forward): its own
        // link stays as it is until that scenario is loaded.
        const owner = entryScenario(window.history.state);
        const current = store.getState();
        if (owner !== null && owner !== s.scenarioId) return;
        if (current.scenarioId !== s.scenarioId || current.status !== 'ready') return;
        // In an idle period (whenIdle), never inside an animation frame.
        if (!stopped && query !== window.location.search)
          window.history.replaceState(window.history.state, '', `${pathname}${query}${hash}`);
      } catch (e) {
        console.warn('The address bar could not be updated:', e);
      } finally {
        busy = false;
        if (again && !stopped) {
          again = false;
          writeSoon();
        }
      }
    };
    const writeSoon = () => {
      soon ??= setTimeout(() => {
        soon = null;
        void write();
      }, SOON_MS);
    };
    const unsubscribe = store.subscribe((s, prev) => {
      if (changedByPerson(s, prev)) writeSoon();
    });
    // While playing, the moving clock (and anything not in the frame) every 2 s.
    const id = setInterval(() => {
      if (store.getState().playback.playing) void write();
    }, PLAYING_EVERY_MS);
    writeSoon();
    return () => {
      stopped = true;
      unsubscribe();
      clearInterval(id);
      if (soon) clearTimeout(soon);
    };
  }, [store]);
}
