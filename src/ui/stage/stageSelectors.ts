/**
 * The stage's own selectors. Frames rebuild every view object, so selectors that feed the
 * stage's structure return strings or primitives: the stage re-renders when its layout changes,
 * not 60 times a second.
 */
import type { SimState } from '../../store/createSimStore';
import { formatSelector, groupKey, visibleReplicaSets } from './layout';

export interface GroupSpec {
  key: string;
  /** Deployment, ReplicaSet or ReplicationController name; '' for standalone pods. */
  name: string;
  kind: 'Deployment' | 'ReplicaSet' | 'ReplicationController' | 'Pods';
  replicaSets: string[];
}

export interface StageStructure {
  services: string[];
  groups: GroupSpec[];
}

/** The stage's layout as JSON (compare by value; parse once per change). */
export function selectStructureKey(s: SimState): string {
  const f = s.frame;
  if (!f) return '';
  const groups: GroupSpec[] = [];
  const rsNames = new Set(f.replicaSets.map((rs) => rs.name));
  for (const d of f.deployments) {
    const own = f.replicaSets
      .filter((rs) => rs.deployment === d.name)
      .map((rs) => ({ ...rs, pods: rs.pods.length }));
    groups.push({
      key: groupKey(d.name, null),
      name: d.name,
      kind: 'Deployment',
      replicaSets: visibleReplicaSets(own).map((rs) => rs.name),
    });
  }
  const deployments = new Set(f.deployments.map((d) => d.name));
  for (const rs of f.replicaSets) {
    // A ReplicaSet whose Deployment is gone (or never was) gets a group of its own.
    if (rs.deployment && deployments.has(rs.deployment)) continue;
    groups.push({
      key: groupKey(null, rs.name),
      name: rs.name,
      kind: rs.kind,
      replicaSets: [rs.name],
    });
  }
  if (f.pods.some((p) => !p.owner || !rsNames.has(p.owner)))
    groups.push({ key: groupKey(null, null), name: '', kind: 'Pods', replicaSets: [] });
  const structure: StageStructure = { services: f.services.map((svc) => svc.name), groups };
  return JSON.stringify(structure);
}

export function parseStructure(key: string): StageStructure {
  return key ? (JSON.parse(key) as StageStructure) : { services: [], groups: [] };
}

const NO_IDS: string[] = [];

/** Names of pods no listed controller owns (bare pods, orphans). */
export function selectStandalonePodIds(s: SimState): string[] {
  const f = s.frame;
  if (!f) return NO_IDS;
  const rsNames = new Set(f.replicaSets.map((rs) => rs.name));
  return f.pods.filter((p) => !p.owner || !rsNames.has(p.owner)).map((p) => p.name);
}

/**
 * The arrows to draw, as a string: `client>web` for the traffic target and `web>deploy/web-blue`
 * for every group holding a serving endpoint of Service `web`.
 */
export function selectLinksKey(s: SimState): string {
  const f = s.frame;
  if (!f) return '';
  const links: string[] = [];
  const target = f.traffic.target;
  if (target && f.services.some((svc) => svc.name === target)) links.push(`client>${target}`);
  for (const svc of f.services) {
    const groups = new Set<string>();
    for (const e of svc.endpoints) {
      if (!e.ready && !e.serving) continue;
      const p = s.pods.get(e.pod);
      if (p) groups.add(groupKey(p.deployment, p.owner));
    }
    for (const g of [...groups].sort()) links.push(`${svc.name}>${g}`);
  }
  return links.join('\n');
}

export const selectServiceSelector =
  (name: string) =>
  (s: SimState): string => {
    const svc = s.frame?.services.find((x) => x.name === name);
    return svc ? formatSelector(svc.selector) : '';
  };

/** "ready notReady" endpoint counts of one Service, as one comparable string. */
export const selectServiceEndpoints =
  (name: string) =>
  (s: SimState): string => {
    const svc = s.frame?.services.find((x) => x.name === name);
    if (!svc) return '0 0';
    const ready = svc.endpoints.filter((e) => e.ready).length;
    return `${ready} ${svc.endpoints.length - ready}`;
  };
