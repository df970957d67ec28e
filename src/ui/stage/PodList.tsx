/** A wrapping list of pod tiles; tiles shrink as the list grows (300 pods still fit). */
import type { CSSProperties } from 'react';
import { PodTile } from './PodTile';
import { tileGap, tileSize } from './layout';
import { useGhosts } from './useGhosts';
import { useReducedMotion } from './useReducedMotion';

export function PodList({ ids, label }: { ids: string[]; label: string }) {
  const reduced = useReducedMotion();
  const shown = useGhosts(ids, reduced);
  const tile = tileSize(ids.length);
  const style = { '--tile': `${tile}px`, '--gap': `${tileGap(tile)}px` } as CSSProperties;
  return (
    <div
      className="pods"
      role="list"
      aria-label={label}
      style={style}
      data-size={tile <= 12 ? 'xs' : tile <= 18 ? 's' : 'm'}
    >
      {shown.map(({ id, ghost }) => (
        <PodTile key={id} name={id} ghost={ghost} />
      ))}
    </div>
  );
}
