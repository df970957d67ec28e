/**
 * The simulated clock for text that needs no frame-exact time (a countdown): while playing it
 * advances at most once per `wallMs` of wall time, so a 10× run does not rewrite the text 60
 * times a second. Paused clocks (seek, step), pauses and new epochs show at once. Between two
 * updates the clock lags the frame, so callers clamp against newer data.
 */
import { useEffect, useState } from 'react';
import { useSimStore } from '../store/SimStoreProvider';

export function useCoarseClock(wallMs = 1000): number {
  const store = useSimStore();
  const [now, setNow] = useState(() => store.getState().frame?.t ?? 0);
  useEffect(() => {
    let last = performance.now();
    const publish = (t: number) => {
      last = performance.now();
      setNow(t);
    };
    publish(store.getState().frame?.t ?? 0);
    return store.subscribe((s, prev) => {
      const t = s.frame?.t ?? 0;
      const jumped = s.epoch !== prev.epoch || s.playback.playing !== prev.playback.playing;
      if (t === (prev.frame?.t ?? 0) && !jumped) return;
      if (!s.playback.playing || jumped || performance.now() - last >= wallMs) publish(t);
    });
  }, [store, wallMs]);
  return now;
}
