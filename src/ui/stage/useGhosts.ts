/**
 * A list's ids plus ghosts: ids that just left the list stay ~600 ms (wall time) at their old
 * place so their tile can fade out where it was. Ghosts are derived during render (no flash of
 * a missing tile) and each one expires on its own timer, so steady churn never keeps old ghosts.
 */
import { useEffect, useRef, useState } from 'react';
import { mergeGhosts, removedIds, type Ghost } from './layout';

export const GHOST_MS = 600;

export interface Shown {
  id: string;
  ghost: boolean;
}

export function useGhosts(ids: string[], off: boolean): Shown[] {
  const [prev, setPrev] = useState(ids);
  const [ghosts, setGhosts] = useState<Ghost[]>([]);
  let current = ghosts;
  if (prev !== ids) {
    // React's "adjust state while rendering" pattern: the next render already has the ghosts.
    const live = new Set(ids);
    current = [...ghosts.filter((g) => !live.has(g.id)), ...(off ? [] : removedIds(prev, ids))];
    setPrev(ids);
    setGhosts(current);
  }

  const timers = useRef(new Map<Ghost, ReturnType<typeof setTimeout>>());
  useEffect(() => {
    const m = timers.current;
    for (const g of ghosts) {
      if (m.has(g)) continue;
      m.set(
        g,
        setTimeout(() => {
          m.delete(g);
          setGhosts((list) => list.filter((x) => x !== g));
        }, GHOST_MS),
      );
    }
    for (const [g, t] of m) {
      if (ghosts.includes(g)) continue;
      clearTimeout(t);
      m.delete(g);
    }
  }, [ghosts]);
  useEffect(() => {
    const m = timers.current;
    return () => {
      for (const t of m.values()) clearTimeout(t);
      m.clear();
    };
  }, []);

  if (!current.length) return ids.map((id) => ({ id, ghost: false }));
  const live = new Set(ids);
  return mergeGhosts(ids, current).map((id) => ({ id, ghost: !live.has(id) }));
}
