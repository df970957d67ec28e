/**
 * One ReplicaSet (or ReplicationController): a header with its short name, revision, image and
 * counts, over the list of its pods. It subscribes to its pod ids (the same array while
 * membership is unchanged) and to a few numbers of its own; tiles subscribe to themselves.
 * When its pods no longer fit as tiles it counts them by status instead (PodAggregate.tsx).
 */
import { memo, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { SimState } from '../../store/createSimStore';
import type { RolloutTag } from '../../sim/view/rolloutView';
import { useSim } from '../../store/SimStoreProvider';
import { selectPodIds } from '../../store/selectors';
import { columnWidth, imageTag, shortImage, splitHash, versionSlot } from './layout';
import { PodList } from './PodList';
import { PodAggregate } from './PodAggregate';
import { showsAggregate } from './podAggregate';

const NO_TAGS: RolloutTag[] = [];

/**
 * The tags `kubectl argo rollouts get rollout` puts on a Rollout's ReplicaSet (stable, canary,
 * active, preview): the same array while the Rollout's view is unchanged.
 */
const selectTags =
  (name: string) =>
  (s: SimState): RolloutTag[] => {
    for (const ro of s.frame?.rollouts ?? []) {
      const ref = ro.replicaSets.find((r) => r.name === name);
      if (ref) return ref.tags;
    }
    return NO_TAGS;
  };

interface Head {
  revision: number | null;
  image: string;
  desired: number;
  current: number;
  ready: number;
  available: number;
  slot: number;
}

const MISSING: Head = {
  revision: null,
  image: '',
  desired: 0,
  current: 0,
  ready: 0,
  available: 0,
  slot: -1,
};

const selectHead =
  (name: string) =>
  (s: SimState): Head => {
    const rs = s.frame?.replicaSets.find((x) => x.name === name);
    if (!rs) return MISSING;
    const image = rs.images[0] ?? '';
    return {
      revision: rs.revision,
      image,
      desired: rs.desired,
      current: rs.current,
      ready: rs.ready,
      available: rs.available,
      slot: versionSlot(s.frame?.images.indexOf(image) ?? -1),
    };
  };

/** Memoised on its (primitive) props: a new column beside it must not re-render this one. */
export const ReplicaSetColumn = memo(function ReplicaSetColumn({
  name,
  kind = 'ReplicaSet',
}: {
  name: string;
  kind?: 'ReplicaSet' | 'ReplicationController';
}) {
  // The ReplicaSet's view changes with its counts; its column of tiles only with its pods.
  const ids = useSim(useShallow(useMemo(() => selectPodIds(name), [name])));
  const head = useSim(useShallow(useMemo(() => selectHead(name), [name])));
  const tags = useSim(useMemo(() => selectTags(name), [name]));
  const { base, hash } = splitHash(name);
  const empty = ids.length === 0 && head.desired === 0;
  const [aggregate, setAggregate] = useState(() => showsAggregate(ids.length, false));
  if (showsAggregate(ids.length, aggregate) !== aggregate) setAggregate(!aggregate);
  const counts: [string, number][] = [
    ['desired', head.desired],
    ['current', head.current],
    ['ready', head.ready],
    ['available', head.available],
  ];
  return (
    <div
      className={`rs${empty ? ' rs-empty' : ''}${aggregate ? ' rs-aggregate' : ''}`}
      style={empty || aggregate ? undefined : { flexBasis: columnWidth(ids.length) }}
      title={empty ? `${name}: scaled to 0` : undefined}
    >
      <div className="rs-head">
        <div className="rs-name">
          <span className="rs-base">{base}</span>
          {hash && <span className="rs-hash">-{hash}</span>}
        </div>
        <div className="rs-meta">
          {head.revision !== null && <span className="rs-rev">rev {head.revision}</span>}
          {tags.map((t) => (
            <span key={t} className={`rs-tag rs-tag-${t}`}>
              {t}
            </span>
          ))}
          {head.image && (
            <span className="chip" data-v={head.slot} title={head.image}>
              {empty ? imageTag(head.image) : shortImage(head.image)}
            </span>
          )}
        </div>
        {empty ? (
          <div className="rs-counts rs-scaled">scaled to 0</div>
        ) : (
          <div className="rs-counts">
            {counts.map(([k, n], i) => (
              <span key={k} className={k !== 'desired' && n < head.desired ? 'short' : undefined}>
                {i > 0 && <span className="sep"> · </span>}
                {k} <b>{n}</b>
              </span>
            ))}
          </div>
        )}
      </div>
      {aggregate ? (
        <PodAggregate ids={ids} label={`${kind} ${name}`} slot={head.slot} />
      ) : (
        <PodList ids={ids} label={`${kind} ${name}`} />
      )}
    </div>
  );
});
