/**
 * The simulation's messages for the person, beside the page's own Notices: the connection's
 * (the watchdog restarted a stuck worker) and the worker's (a runaway stopped, a traffic change
 * refused: playback.notice). Each can be dismissed; a dismissed worker message comes back only
 * when the worker says something else.
 */
import { useState } from 'react';
import { useSim, useSimStore } from '../../store/SimStoreProvider';

export function useSimNotices(): { notices: string[]; dismiss(n: string): void } {
  const store = useSimStore();
  const [dismissed, setDismissed] = useState<string | null>(null);
  const notices = useSim((s) => s.notices);
  const fromWorker = useSim((s) => s.playback.notice ?? null);
  const shown = fromWorker && fromWorker !== dismissed ? [...notices, fromWorker] : notices;
  return {
    notices: shown,
    dismiss(n) {
      if (n === fromWorker) setDismissed(n);
      else store.getState().dismissNotice(n);
    },
  };
}
