/**
 * A wrapping list of pod tiles; tiles shrink as the list grows (300 pods still fit).
 *
 * Keyboard: the list is one tab stop (WAI-ARIA listbox with a roving tabindex). Tab reaches
 * the list's current pod, the arrow keys move within it as the tiles are drawn (Left/Right:
 * the previous/next pod; Up/Down: the pod above/below in the wrapped rows), Home/End go to the
 * first/last pod, and Tab leaves the list. The focused pod shows its name and reads its label.
 *
 * Tiles mount a chunk per animation frame: a list that suddenly holds hundreds of pods (the
 * page opening on a big fleet, a surge of 10 %) never builds them all in one long task.
 */
import { useEffect, useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import { useSim } from '../../store/SimStoreProvider';
import { selectCalm } from './calm';
import { PodTile } from './PodTile';
import { tileGap, tileSize } from './layout';
import { useGhosts } from './useGhosts';
import { useStageRegistry } from './stageRegistry';
import { useReducedMotion } from './useReducedMotion';
import { nextIndex, useMountInChunks } from './podListKeys';

export function PodList({ ids, label }: { ids: string[]; label: string }) {
  const reduced = useReducedMotion();
  const calm = useSim(selectCalm);
  const shown = useGhosts(ids, reduced || calm);
  const reg = useStageRegistry();
  const limit = useMountInChunks(shown.length);
  const drawn = limit < shown.length ? shown.slice(0, limit) : shown;
  // Tiles moved: the layers over the stage measure again (they cache boxes otherwise).
  useLayoutEffect(() => reg.invalidate(), [reg, drawn.length, shown]);

  // The current pod (the list's one tab stop): the last one focused while it is listed, else
  // the one now at its place, else the first.
  const [current, setCurrent] = useState<string | null>(null);
  const lastIndex = useRef(0);
  let index = current === null ? -1 : ids.indexOf(current);
  if (index < 0) index = Math.min(lastIndex.current, ids.length - 1);
  lastIndex.current = Math.max(0, index);
  const tabbable = ids[index] ?? null;

  // A focused pod that leaves the list hands focus to the pod now at its place.
  const list = useRef<HTMLDivElement>(null);
  const hadFocus = useRef(false);
  useEffect(() => {
    if (!hadFocus.current || tabbable === null || current === null || ids.includes(current)) return;
    // Only when focus went nowhere (the tile left the page or faded to a ghost), never from
    // a control the person moved to.
    const active = document.activeElement;
    const lost = !active || active === document.body || !active.matches('[role="option"]');
    if (!lost || (active !== document.body && !list.current?.contains(active))) return;
    list.current?.querySelector<HTMLElement>(`[data-name="${tabbable}"]`)?.focus();
  }, [ids, tabbable, current]);

  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>) => {
    const from = (e.target as HTMLElement).closest<HTMLElement>('[role="option"]');
    const box = list.current;
    if (!from || !box) return;
    const tiles = [...box.querySelectorAll<HTMLElement>('[role="option"]')];
    const at = tiles.indexOf(from);
    const to = nextIndex(e.key, at, tiles);
    if (to === null) return;
    e.preventDefault();
    const el = tiles[to];
    if (!el) return;
    setCurrent(el.dataset.name ?? null);
    el.focus();
  };

  const tile = tileSize(ids.length);
  const style = { '--tile': `${tile}px`, '--gap': `${tileGap(tile)}px` } as CSSProperties;
  const size = tile <= 12 ? 'xs' : tile <= 18 ? 's' : 'm';
  return (
    <div
      ref={list}
      className="pods"
      role="listbox"
      aria-label={label}
      style={style}
      data-size={size}
      onKeyDown={onKeyDown}
      onFocus={(e) => {
        hadFocus.current = true;
        const name = (e.target as HTMLElement).dataset.name;
        if (name && name !== current) setCurrent(name);
      }}
      onBlur={(e) => {
        // Focus left for something else (a tile that disappears keeps it, see above).
        const stays = e.currentTarget.contains(e.relatedTarget as Node | null);
        const live = ids.includes((e.target as HTMLElement).dataset.name ?? '');
        if (!stays && live) hadFocus.current = false;
      }}
    >
      {drawn.map(({ id, ghost }) => (
        <PodTile key={id} name={id} ghost={ghost} tabbable={id === tabbable} bare={size === 'xs'} />
      ))}
    </div>
  );
}
