/**
 * The kind registry (api/kinds.ts facts, api/registry.ts behaviour) against the code that reads
 * it: every name a kind declares reaches that kind through kubectl's parser, every simulated
 * kind prints and describes, and every version a kind is served in loads from a scenario.
 */
import { describe, expect, it } from 'vitest';
import {
  apiVersionOf,
  isSimulated,
  KINDS,
  kindsInCategory,
  RESOURCE_KINDS,
  type ResourceKind,
} from '../../../src/sim/api/kinds';
import { REGISTRY } from '../../../src/sim/api/registry';
import { parseKubectl } from '../../../src/sim/kubectl/parse/parseKubectl';
import { parseScenario } from '../../../src/sim/scenario/parse';

const EVENT_HEADERS = ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'];

/** The kinds `kubectl get ARG` targets. */
function kindsOf(arg: string): ResourceKind[] {
  const r = parseKubectl(`get ${arg}`);
  if (!r.ok) throw new Error(`kubectl get ${arg}: ${r.output}`);
  if (r.cmd.verb !== 'get') throw new Error(`kubectl get ${arg} parsed as ${r.cmd.verb}`);
  return r.cmd.targets.map((t) => t.kind);
}

/** The kinds' names, each with the kind it must resolve to. */
function everyName(kind: ResourceKind): string[] {
  const { plural, singular, shortNames, group } = KINDS[kind];
  const names = [plural, singular, kind, kind.toLowerCase(), ...shortNames];
  // Group-qualified, as `deployments.apps` and `deployments.v1.apps`.
  if (group) names.push(`${plural}.${group}`, `${singular}.${KINDS[kind].versions[0]}.${group}`);
  return names;
}

/** Errors of a scenario file holding one minimal manifest of `apiVersion` and `kind`. */
function loadErrors(apiVersion: string, kind: string): string[] {
  const text = `apiVersion: rolloutlab.dev/v1alpha1
kind: Scenario
metadata: { name: registry }
spec:
  traffic: { target: web, rps: 1 }
---
apiVersion: ${apiVersion}
kind: ${kind}
metadata: { name: one }
`;
  const r = parseScenario(text, 'registry.yaml');
  return r.ok ? [] : r.errors;
}

/** What the import lists as ignored in that file (a served kind the simulator does not load). */
function ignoredKinds(apiVersion: string, kind: string): string[] {
  const text = `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: { name: one }\n`;
  return parseScenario(text, 'registry.yaml').ignored.map((i) => i.what);
}

describe('the kind registry', () => {
  it.each(RESOURCE_KINDS)('resolves every name of %s through kubectl to that kind', (kind) => {
    for (const name of everyName(kind)) expect([name, kindsOf(name)]).toEqual([name, [kind]]);
  });

  it('gives no two kinds the same plural, singular or short name', () => {
    const names = RESOURCE_KINDS.flatMap((k) => [
      ...new Set([KINDS[k].plural, KINDS[k].singular, ...KINDS[k].shortNames]),
    ]);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  it('expands `all` to its category, in discovery order', () => {
    expect(kindsOf('all')).toEqual(kindsInCategory('all'));
    expect(kindsOf('all')).toEqual([
      'Pod',
      'ReplicationController',
      'Service',
      'Deployment',
      'ReplicaSet',
      'HorizontalPodAutoscaler',
    ]);
  });

  const NODE_HEADERS = ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'];
  it.each(RESOURCE_KINDS.filter(isSimulated))('prints and describes %s', (kind) => {
    const { columns, describe } = REGISTRY[kind];
    // Events print as printers.go's printEvent: LAST SEEN … MESSAGE, no NAME or AGE.
    if (kind === 'Event') expect(columns.headers).toEqual(EVENT_HEADERS);
    // printNode: AGE before the kubelet's VERSION.
    else if (kind === 'Node') expect(columns.headers).toEqual(NODE_HEADERS);
    else {
      expect(columns.headers[0]).toBe('NAME');
      expect(columns.headers.at(-1)).toBe('AGE');
    }
    // Only Endpoints, derived from EndpointSlices, has no describer.
    expect(describe === null).toBe(kind === 'Endpoints');
  });

  it('has behaviour only for the kinds it simulates', () => {
    expect(Object.keys(REGISTRY)).toEqual(RESOURCE_KINDS.filter(isSimulated));
  });

  it.each(RESOURCE_KINDS)(
    'loads %s from a scenario when it is fromManifests, else lists it as ignored',
    (kind) => {
      const { fromManifests, group, versions } = KINDS[kind];
      for (const version of versions) {
        const apiVersion = group ? `${group}/${version}` : version;
        // A kind a real cluster serves is never "no matches"; one the simulator does not load
        // from a file is listed as ignored, never dropped silently.
        expect(loadErrors(apiVersion, kind).filter((e) => e.includes('no matches'))).toEqual([]);
        const ignored = ignoredKinds(apiVersion, kind).some((w) => w.includes(kind));
        expect([apiVersion, ignored]).toEqual([apiVersion, !fromManifests]);
      }
    },
  );

  it('refuses a version a kind is not served in', () => {
    expect(loadErrors('networking.istio.io/v1alpha3', 'VirtualService')).toEqual([
      expect.stringContaining(
        'no matches for kind "VirtualService" in version "networking.istio.io/v1alpha3"',
      ),
    ]);
    expect(apiVersionOf('VirtualService')).toBe('networking.istio.io/v1');
  });
});
