/**
 * Space plays or pauses, → steps. Keys typed into a field, a select, the console, or pressed on
 * a button or tab keep their usual meaning.
 */
import { useEffect } from 'react';
import { useSimStore } from '../store/SimStoreProvider';

const OWN_KEYS =
  'input, select, textarea, button, a[href], summary, [role="tab"], [contenteditable=""], [contenteditable="true"]';

function keepsKeys(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest(OWN_KEYS) !== null;
}

export function useKeyboard(): void {
  const store = useSimStore();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.repeat) return;
      if (keepsKeys(e.target)) return;
      const s = store.getState();
      if (s.status !== 'ready') return;
      if (e.key === ' ' || e.code === 'Space') {
        e.preventDefault();
        void s.togglePlay();
      } else if (e.key === 'ArrowRight' && !e.shiftKey) {
        e.preventDefault();
        void s.step();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
