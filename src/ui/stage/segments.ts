/**
 * Client segments as the stage shows them: one group per segment plus the clients in none,
 * each with its own colour (a palette apart from the version colours, so a dot's colour says who
 * sent it and a tile's colour says which version served it). Pure: no DOM.
 */
import type { SegmentView } from '../../sim/view/frame';

/** Segment colours (stage.css --s0…); segments past the last reuse them. */
export const SEGMENT_COLOURS = 4;

/** The colour slot of a request's segment: -1 (clients in no segment) has the neutral colour. */
export const segmentSlot = (segment: number): number =>
  segment < 0 ? -1 : segment % SEGMENT_COLOURS;

export interface ClientGroup {
  /** Segment index; -1 for the clients in no segment. */
  segment: number;
  label: string;
  /** Share of clients (0..1). */
  share: number;
  /** How many client icons to draw (1–3, by share). */
  icons: number;
}

/** The groups the clients column shows: each segment, then the rest when any clients are left. */
export function clientGroups(segments: readonly SegmentView[]): ClientGroup[] {
  const groups: ClientGroup[] = segments.map((s) => ({
    segment: s.index,
    label: s.label,
    share: s.share,
    icons: 0,
  }));
  const rest = 1 - segments.reduce((a, s) => a + s.share, 0);
  if (rest > 0.0005) groups.push({ segment: -1, label: 'other', share: rest, icons: 0 });
  for (const g of groups) g.icons = Math.max(1, Math.min(3, Math.round(g.share * 4)));
  return groups;
}
