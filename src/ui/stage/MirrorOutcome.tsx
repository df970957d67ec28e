/**
 * What the mirror target did with the mirrored copies since the start, beside the mirror that
 * sent them: "mirrored: 2 775 · 686 failed (app-error) — clients never see these". The numbers
 * are the simulation's own counters at the latest closed rate window (rateWindows.ts), the same
 * ones the runner prints as `mirroredByImage` and `mirroredErrors`.
 */
import type { MirrorTotals } from '../../sim/view/frame';
import type { SimState } from '../../store/createSimStore';
import { useThrottledSim } from '../useThrottledSim';
import { shortImage } from './layout';
import './stageMirror.css';

const PUBLISH_MS = 300;

const read = (s: SimState): MirrorTotals | null => s.frame?.rates.mirror ?? null;
const changed = (s: SimState, prev: SimState): boolean =>
  s.frame?.rates.mirror !== prev.frame?.rates.mirror;
const same = (a: MirrorTotals | null, b: MirrorTotals | null): boolean => a === b;

/** The mirrored copies' totals, a few times a wall second while playing. */
export function useMirrorTotals(): MirrorTotals | null {
  return useThrottledSim({ read, changed, same, ms: PUBLISH_MS, onlyWhilePlaying: true });
}

const KINDS = ['app-error', 'refused', 'no-endpoints'] as const;

const count = (n: number): string => n.toLocaleString('en-US').replace(/,/g, '\u202f');

/** "686 failed (app-error)" or "40 failed (app-error 30, refused 10)". */
export function failedText(m: MirrorTotals): string {
  const kinds = KINDS.filter((k) => m.errors[k] > 0);
  const failed = kinds.reduce((n, k) => n + m.errors[k], 0);
  if (failed === 0) return 'none failed';
  if (kinds.length === 1) return `${count(failed)} failed (${kinds[0]})`;
  return `${count(failed)} failed (${kinds.map((k) => `${k} ${count(m.errors[k])}`).join(', ')})`;
}

export function MirrorOutcome({ totals, scope }: { totals: MirrorTotals; scope?: string }) {
  const failed = KINDS.reduce((n, k) => n + totals.errors[k], 0);
  const images = Object.keys(totals.byImage).map(shortImage).join(', ');
  const share = totals.copies > 0 ? Math.round((failed / totals.copies) * 100) : 0;
  return (
    <p
      className="mirror-outcome"
      data-failed={failed > 0 ? '' : undefined}
      aria-label={`${scope ? `${scope}: ` : ''}mirrored copies so far: ${totals.copies}, ${failed} failed at the mirror target. Clients never see these.`}
    >
      <span className="mirror-outcome-counts">
        {scope && <span className="mirror-outcome-scope">{scope}: </span>}
        mirrored: <b>{count(totals.copies)}</b>
        {' · '}
        <b className="mirror-outcome-failed">{failedText(totals)}</b>
        {failed > 0 && ` (${share}%)`}
      </span>
      <span className="mirror-outcome-note">
        {images ? `answered by ${images}; ` : ''}clients never see these
      </span>
    </p>
  );
}
