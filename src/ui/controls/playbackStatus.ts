/**
 * Pure: what the playback status line says — where the latest Step went and why it stopped
 * there, and that the scenario has ended — from the playback state the worker sends.
 */
import type { SimState } from '../../store/createSimStore';
import { formatAt, formatClock } from './formatClock';

/** Simulated time to the millisecond, as controllers act a few ms apart: 15 005 ms → "0:15.005". */
export function formatStepTime(ms: number): string {
  const s = Math.floor(ms / 1000);
  const rest = ms - s * 1000;
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}.${String(Math.round(rest)).padStart(3, '0')}`;
}

type PlaybackState = SimState['playback'];

export const STEADY = 'Nothing left to do: the cluster is steady.';

export interface StatusText {
  /** The sentence the status line shows (and a screen reader announces); '' says nothing. */
  text: string;
  /** The latest Step's changes, when there is more than the sentence shows (cut short past 8). */
  changes: string[];
  /** How many changes that Step made. */
  total: number;
}

export function playbackStatus(pb: PlaybackState, duration: number, now: number): StatusText {
  const step = pb.step ?? null;
  const end = `End of scenario at ${formatAt(duration)}.`;
  const changes = step?.outcome === 'change' && step.changes.length > 1 ? step.changes : [];
  const total = step?.outcome === 'change' ? step.total : 0;
  const changed =
    step?.outcome === 'change'
      ? `Step to ${formatStepTime(step.t)}: ${step.changes[0] ?? 'the cluster changed'}` +
        (step.total > 1 ? ` (and ${step.total - 1} more)` : '')
      : '';
  if (pb.atEnd) {
    const why =
      step?.outcome === 'end'
        ? 'Play and Step go no further: choose “Continue past the end” to let the cluster run on.'
        : step?.outcome === 'steady'
          ? STEADY
          : step?.outcome === 'change'
            ? `${changed}.`
            : 'Playback stopped. “Continue past the end” lets the cluster run on.';
    return { text: `${end} ${why}`, changes, total };
  }
  if (step?.outcome === 'change') return { text: changed, changes, total };
  if (step?.outcome === 'steady')
    return {
      text: `${STEADY} Nothing changed from ${formatClock(step.from)} to ${formatClock(step.t)}.`,
      changes,
      total,
    };
  if (pb.pastEnd && now >= duration)
    return {
      text: `Past the end of the scenario (${formatAt(duration)}): the cluster runs on.`,
      changes,
      total,
    };
  return { text: '', changes, total };
}
