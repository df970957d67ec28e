/**
 * The worker's check of the text being edited (Problems, Ignored, notes, whether it can be
 * converted), run once the person pauses typing; a later text's answer always wins.
 */
import { useEffect, useState } from 'react';
import { useSimStore } from '../../store/SimStoreProvider';
import type { CheckResult } from '../../store/createSimStore';

export const CHECK_DELAY_MS = 300;

export function useCheck(text: string, fileName: string, enabled: boolean): CheckResult | null {
  const store = useSimStore();
  const [result, setResult] = useState<CheckResult | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    const timer = setTimeout(() => {
      void store
        .getState()
        .check(text, fileName)
        .then((r) => {
          if (live) setResult(r);
        });
    }, CHECK_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [store, text, fileName, enabled]);
  return enabled ? result : null;
}
