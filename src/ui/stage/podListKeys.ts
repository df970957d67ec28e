/**
 * The pod list's keyboard moves and its chunked mounting (PodList.tsx). Up and Down follow the
 * rows as the browser wrapped them: the tile in the next (or previous) row nearest in x.
 */
import { useEffect, useState } from 'react';

/** Tiles mounted per animation frame when a list grows by many at once. */
export const MOUNT_CHUNK = 60;

interface Placed {
  offsetTop: number;
  offsetLeft: number;
}

/** The index a key moves to from `at` among `tiles` (in order), or null for other keys. */
export function nextIndex(key: string, at: number, tiles: readonly Placed[]): number | null {
  const last = tiles.length - 1;
  switch (key) {
    case 'ArrowLeft':
      return Math.max(0, at - 1);
    case 'ArrowRight':
      return Math.min(last, at + 1);
    case 'Home':
      return 0;
    case 'End':
      return last;
    case 'ArrowDown':
    case 'ArrowUp':
      return rowNeighbour(tiles, at, key === 'ArrowDown' ? 1 : -1);
    default:
      return null;
  }
}

function rowNeighbour(tiles: readonly Placed[], at: number, dir: 1 | -1): number {
  const from = tiles[at];
  if (!from) return at;
  // The nearest row beyond this one in the direction, then the tile in it nearest in x.
  let row: number | null = null;
  for (let i = at + dir; i >= 0 && i < tiles.length; i += dir) {
    const t = tiles[i]!;
    if (row === null) {
      if ((t.offsetTop - from.offsetTop) * dir > 0) row = t.offsetTop;
      else continue;
    }
    if (t.offsetTop !== row) break;
  }
  if (row === null) return at;
  let best = at;
  let bestDx = Infinity;
  tiles.forEach((t, i) => {
    if (t.offsetTop !== row) return;
    const dx = Math.abs(t.offsetLeft - from.offsetLeft);
    if (dx < bestDx) {
      best = i;
      bestDx = dx;
    }
  });
  return best;
}

/** A list growing by at most this many draws them at once (a rollout's usual step). */
const AT_ONCE = 15;

/**
 * How many of `n` items to draw now: all of them, except while a jump in `n` is caught up
 * with MOUNT_CHUNK more per animation frame.
 */
export function useMountInChunks(n: number): number {
  const [limit, setLimit] = useState(() => Math.min(n, MOUNT_CHUNK));
  // A shrink, or a growth by a few, is drawn at once (React's adjust-while-rendering pattern).
  if (limit !== n && n - limit <= AT_ONCE) setLimit(n);
  const behind = n - limit > AT_ONCE;
  useEffect(() => {
    if (!behind) return;
    const raf = requestAnimationFrame(() => setLimit((l) => l + MOUNT_CHUNK));
    return () => cancelAnimationFrame(raf);
  }, [behind, limit]);
  return Math.min(limit, n);
}
