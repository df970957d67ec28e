/** A wrapping list of pod tiles; tiles shrink as the list grows (300 pods still fit). */
import { useLayoutEffect, type CSSProperties } from 'react';
import { useSim } from '../../store/SimStoreProvider';
import { selectCalm } from './calm';
import { PodTile } from './PodTile';
import { tileGap, tileSize } from './layout';
import { useGhosts } from './useGhosts';
import { useStageRegistry } from './stageRegistry';
import { useReducedMotion } from './useReducedMotion';

export function PodList({ ids, label }: { ids: string[]; label: string }) {
  const reduced = useReducedMotion();
  const calm = useSim(selectCalm);
  const shown = useGhosts(ids, reduced || calm);
  const reg = useStageRegistry();
  // Tiles moved: the layers over the stage measure again (they cache boxes otherwise).
  useLayoutEffect(() => reg.invalidate(), [reg, shown]);
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
