/**
 * A slider that applies while it is dragged, at most once per `intervalMs` (leading and trailing
 * edge), and once more on release. Between the drag and the next frame the thumb shows the
 * dragged value, so it never snaps back to a stale frame.
 *
 * With a `gesture`, one drag is one gesture: begun at its first value, ended when the pointer is
 * released or focus leaves, so whoever records the values can keep only the released one. Arrow
 * keys have no release of their own (each press is a keyup), so a burst of presses ends after
 * KEY_PAUSE_MS without a press: long enough for the next press of a burst (key repeat and
 * deliberate tapping are well under a second apart), short enough that a link copied a moment
 * later already holds the value.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

const SETTLE_MS = 250;
export const KEY_PAUSE_MS = 800;

/** Told when a drag starts and when it is released (after its last value was applied). */
export interface Gesture {
  begin(): unknown;
  end(): unknown;
}

interface Pending {
  lastSentAt: number;
  lastSent: number | null;
  pending: number | null;
  timer: ReturnType<typeof setTimeout> | null;
  settle: ReturnType<typeof setTimeout> | null;
  inFlight: number;
  gestureOpen: boolean;
  pointerDown: boolean;
  pause: ReturnType<typeof setTimeout> | null;
}

export interface LiveValue {
  /** What the slider shows: the dragged value, else the applied one. */
  value: number;
  dragging: boolean;
  /** Every input event. */
  input(v: number): void;
  /** Release (pointer up, key up, blur): send what is pending now. */
  commit(): void;
  /** Event handlers for an `<input type="range">` that do all of the above. */
  handlers: {
    onChange(e: { currentTarget: { value: string } }): void;
    onPointerDown(): void;
    onPointerUp(): void;
    onPointerCancel(): void;
    onKeyUp(): void;
    onBlur(): void;
  };
}

export function useLiveValue(
  actual: number,
  apply: (v: number) => unknown,
  intervalMs = 125,
  gesture?: Gesture,
): LiveValue {
  const [draft, setDraft] = useState<number | null>(null);
  const applyRef = useRef(apply);
  const gestureRef = useRef(gesture);
  const releaseRef = useRef<() => void>(() => undefined);
  useEffect(() => {
    applyRef.current = apply;
    gestureRef.current = gesture;
  });
  const st = useRef<Pending>({
    lastSentAt: -Infinity,
    lastSent: null,
    pending: null,
    timer: null,
    settle: null,
    inFlight: 0,
    gestureOpen: false,
    pointerDown: false,
    pause: null,
  });

  useEffect(() => {
    const s = st.current;
    return () => {
      if (s.timer) clearTimeout(s.timer);
      if (s.settle) clearTimeout(s.settle);
      if (s.pause) clearTimeout(s.pause);
      // Unmounted mid-drag: what was sent stands; the gesture closes.
      if (s.gestureOpen) {
        s.gestureOpen = false;
        gestureRef.current?.end();
      }
    };
  }, []);

  const settleLater = useCallback(() => {
    const s = st.current;
    if (s.inFlight > 0 || s.pending !== null || s.timer) return;
    if (s.settle) clearTimeout(s.settle);
    s.settle = setTimeout(() => {
      s.settle = null;
      s.lastSent = null;
      setDraft(null);
    }, SETTLE_MS);
  }, []);

  const send = useCallback(
    (v: number) => {
      const s = st.current;
      s.pending = null;
      if (v === s.lastSent) return settleLater();
      s.lastSent = v;
      s.lastSentAt = Date.now();
      s.inFlight++;
      // Called now, not in a microtask: what the value sends to the simulation leaves before
      // anything a later event sends (the end of the gesture, the next drag's beginning).
      let applied: Promise<unknown>;
      try {
        applied = Promise.resolve(applyRef.current(v));
      } catch (e) {
        applied = Promise.reject(e);
      }
      void applied
        .catch((e: unknown) => console.error(e))
        .finally(() => {
          s.inFlight--;
          settleLater();
        });
    },
    [settleLater],
  );

  const input = useCallback(
    (v: number) => {
      const s = st.current;
      if (s.settle) clearTimeout(s.settle);
      s.settle = null;
      if (s.pause) clearTimeout(s.pause);
      s.pause = null;
      if (!s.gestureOpen && gestureRef.current) {
        // Told before the first value is applied, so that value belongs to the gesture.
        s.gestureOpen = true;
        gestureRef.current.begin();
      }
      setDraft(v);
      // Without a held pointer (arrow keys, assistive technology), a pause ends the gesture.
      if (s.gestureOpen && !s.pointerDown) pauseThenRelease();
      const wait = s.lastSentAt + intervalMs - Date.now();
      if (wait <= 0 && !s.timer) return send(v);
      s.pending = v;
      s.timer ??= setTimeout(
        () => {
          s.timer = null;
          if (s.pending !== null) send(s.pending);
        },
        Math.max(0, wait),
      );
    },
    [intervalMs, send],
  );

  const commit = useCallback(() => {
    const s = st.current;
    if (s.timer) clearTimeout(s.timer);
    s.timer = null;
    if (s.pending !== null) send(s.pending);
  }, [send]);

  /**
   * Sends what is pending and closes the gesture: the end reaches the simulation after the
   * released value (calls to the worker arrive in order) and before any later drag begins.
   */
  const release = useCallback(() => {
    const s = st.current;
    commit();
    if (s.pause) clearTimeout(s.pause);
    s.pause = null;
    if (!s.gestureOpen) return;
    s.gestureOpen = false;
    void gestureRef.current?.end();
  }, [commit]);
  useEffect(() => {
    releaseRef.current = release;
  }, [release]);

  function pauseThenRelease() {
    const s = st.current;
    if (s.pause) clearTimeout(s.pause);
    s.pause = setTimeout(() => {
      s.pause = null;
      releaseRef.current();
    }, KEY_PAUSE_MS);
  }

  /** The pointer may be released outside the slider: listen on the window for that drag. */
  function pointerDown() {
    const s = st.current;
    if (s.pointerDown) return;
    s.pointerDown = true;
    const up = () => {
      window.removeEventListener('pointerup', up, true);
      window.removeEventListener('pointercancel', up, true);
      if (!s.pointerDown) return;
      s.pointerDown = false;
      releaseRef.current();
    };
    window.addEventListener('pointerup', up, true);
    window.addEventListener('pointercancel', up, true);
  }

  const handlers: LiveValue['handlers'] = {
    onChange: (e) => input(Number(e.currentTarget.value)),
    onPointerDown: pointerDown,
    onPointerUp: () => {
      st.current.pointerDown = false;
      release();
    },
    onPointerCancel: () => {
      st.current.pointerDown = false;
      release();
    },
    onKeyUp: () => {
      const s = st.current;
      commit();
      if (s.gestureOpen && !s.pointerDown) pauseThenRelease();
    },
    onBlur: () => {
      st.current.pointerDown = false;
      release();
    },
  };

  return { value: draft ?? actual, dragging: draft !== null, input, commit, handlers };
}
