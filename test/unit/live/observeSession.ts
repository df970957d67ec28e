/**
 * Live mode's view of a Session, for the replay tests: what a list-and-watch client of the
 * session's API server would collect — the objects listed at the start and every watch event
 * after, each as served JSON (apiVersion and kind set), timed in ms from the start.
 */
import type { Session } from '../../../src/sim/session/session';
import type { Engine } from '../../../src/sim/engine/engine';
import type { Kind, KubeObject } from '../../../src/sim/api/objects';
import { apiVersionOf } from '../../../src/sim/api/kinds';
import type { Observation, ObservedObject } from '../../../src/sim/live/observation';
import { toTimestamp } from '../../../src/sim/core/time';

/** The kinds live mode lists and watches (issue 12 item 3). */
export const LIVE_KINDS: readonly Kind[] = [
  'Deployment',
  'ReplicaSet',
  'Pod',
  'Service',
  'EndpointSlice',
  'HorizontalPodAutoscaler',
  'Rollout',
  'AnalysisTemplate',
  'AnalysisRun',
  'VirtualService',
  'DestinationRule',
  'Gateway',
  'HTTPRoute',
];

export function served(kind: Kind, obj: KubeObject): ObservedObject {
  const json = JSON.parse(JSON.stringify(obj)) as ObservedObject;
  return { ...json, apiVersion: apiVersionOf(kind), kind };
}

/**
 * Starts recording `session` now. The session's cluster is its Engine (Session.cluster returns
 * it as a ClusterReader); its store's watch is what `sim serve`'s watch streams are made of.
 * Only forward play: a seek back rebuilds the engine and would end the recording.
 */
export function observe(session: Session): () => Observation {
  const engine = session.cluster as unknown as Engine;
  const t0 = engine.now;
  const obs: Observation = {
    server: 'https://sim.test',
    namespace: 'default',
    // The served clock's instant of the start, as a live page's clock would read it.
    startedAt: toTimestamp(t0),
    initial: LIVE_KINDS.flatMap((k) => engine.store.list(k).map((o) => served(k, o))),
    changes: [],
  };
  const kinds = new Set<string>(LIVE_KINDS);
  engine.store.watch((e) => {
    if (!kinds.has(e.kind)) return;
    obs.changes.push({ atMs: engine.now - t0, type: e.type, object: served(e.kind, e.obj) });
  });
  return () => obs;
}
