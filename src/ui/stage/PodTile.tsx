/**
 * One pod: subscribes to its own PodView only, so a pod's change re-renders one tile. Fill =
 * version colour, outline and marks = lifecycle state. A ghost is the last look of a pod that
 * left the frame, fading out in place; it is hidden from assistive technology. A tile is an
 * option of its list's listbox; only the list's current one is a tab stop (PodList.tsx).
 */
import { memo, useMemo, useState } from 'react';
import { useSim } from '../../store/SimStoreProvider';
import { selectPod } from '../../store/selectors';
import { podLabel, podLook, versionSlot } from './layout';
import { useRegister } from './stageRegistry';

export const PodTile = memo(function PodTile({
  name,
  ghost,
  tabbable,
  bare = false,
}: {
  name: string;
  ghost: boolean;
  tabbable: boolean;
  /**
   * Tiles too small for marks (stageGroups.css hides them at the smallest size): no check,
   * dot or badge elements at all, so a big fleet's tiles are one element each to create, style
   * and lay out.
   */
  bare?: boolean;
}) {
  const pod = useSim(useMemo(() => selectPod(name), [name]));
  const [last, setLast] = useState(pod);
  if (pod && pod !== last) setLast(pod);
  const view = pod ?? last;
  const image = view?.image ?? '';
  const slot = useSim((s) => versionSlot(s.frame?.images.indexOf(image) ?? -1));
  const ref = useRegister('pods', name);
  if (!view) return null;

  const look = podLook(view);
  const label = podLabel(view);
  const common = {
    ref,
    className: `pod pod-${look}${ghost ? ' pod-ghost' : ''}`,
    'data-v': slot,
  };
  if (ghost) return <div {...common} aria-hidden="true" />;
  return (
    <div
      {...common}
      role="option"
      tabIndex={tabbable ? 0 : -1}
      aria-label={label}
      title={label}
      data-name={name}
    >
      {!bare && look === 'ready' && (
        <svg className="pod-check" viewBox="0 0 12 12" aria-hidden="true">
          <path d="M2.5 6.4 5 8.8 9.6 3.6" />
        </svg>
      )}
      {!bare && look === 'ready' && view.available && (
        <span className="pod-dot" aria-hidden="true" />
      )}
      {!bare && look === 'failing' && (
        <span className="pod-badge" aria-hidden="true">
          !
        </span>
      )}
    </div>
  );
});
