/**
 * A slider that applies while it is dragged, at most once per `intervalMs` (leading and trailing
 * edge), and once more on release. Between the drag and the next frame the thumb shows the
 * dragged value, so it never snaps back to a stale frame.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

const SETTLE_MS = 250;

interface Pending {
  lastSentAt: number;
  lastSent: number | null;
  pending: number | null;
  timer: ReturnType<typeof setTimeout> | null;
  settle: ReturnType<typeof setTimeout> | null;
  inFlight: number;
}

export interface LiveValue {
  /** What the slider shows: the dragged value, else the applied one. */
  value: number;
  dragging: boolean;
  /** Every input event. */
  input(v: number): void;
  /** Release (pointer up, key up, blur): send what is pending now. */
  commit(): void;
}

export function useLiveValue(
  actual: number,
  apply: (v: number) => unknown,
  intervalMs = 125,
): LiveValue {
  const [draft, setDraft] = useState<number | null>(null);
  const applyRef = useRef(apply);
  useEffect(() => {
    applyRef.current = apply;
  });
  const st = useRef<Pending>({
    lastSentAt: -Infinity,
    lastSent: null,
    pending: null,
    timer: null,
    settle: null,
    inFlight: 0,
  });

  useEffect(() => {
    const s = st.current;
    return () => {
      if (s.timer) clearTimeout(s.timer);
      if (s.settle) clearTimeout(s.settle);
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
      void Promise.resolve()
        .then(() => applyRef.current(v))
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
      setDraft(v);
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

  return { value: draft ?? actual, dragging: draft !== null, input, commit };
}
