/**
 * The plan tests' clusters: a Deployment web (test/support's deploymentYaml) or a canary Rollout
 * web behind Service web, with or without an Istio traffic router, and the edit that rolls it
 * (a new image). `session(yaml, at)` is a person's session played to `at` ms.
 */
import { Session } from '../../../src/sim/session/session';
import { canaryRolloutYaml, type CanaryRolloutParams } from '../../support/rolloutYaml';

export const ISTIO_ROUTING = {
  istio: {
    virtualService: { name: 'web', routes: ['primary'] },
    destinationRule: { name: 'web', canarySubsetName: 'canary', stableSubsetName: 'stable' },
  },
};

const MESH = `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: { name: web }
spec:
  host: web
  subsets:
    - { name: stable, labels: { app: web } }
    - { name: canary, labels: { app: web } }
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: web }
spec:
  hosts: [web]
  http:
    - name: primary
      route:
        - { destination: { host: web, subset: stable }, weight: 100 }
        - { destination: { host: web, subset: canary }, weight: 0 }
---
`;

export interface CanaryScenario extends CanaryRolloutParams {
  router?: boolean;
  /** Extra Scenario spec lines (defaults, traffic). */
  spec?: string;
}

/** The Rollout alone (what a person would paste), with its image. */
export function canaryRollout(p: CanaryScenario, image = 'app:v1'): string {
  const canary: Record<string, number | string> = { ...(p.canary ?? {}) };
  const routing = p.router ? `      trafficRouting: ${JSON.stringify(ISTIO_ROUTING)}\n` : '';
  const yaml = canaryRolloutYaml({ ...p, canary, image });
  return routing ? yaml.replace('    canary:\n', `    canary:\n${routing}`) : yaml;
}

export function canaryScenario(p: CanaryScenario): string {
  return `${canaryRollout(p)}apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  selector: { app: web }
  ports: [{ port: 80, targetPort: 8080 }]
---
${p.router ? MESH : ''}apiVersion: rolloutlab.dev/v1alpha1
kind: Scenario
metadata: { name: plan }
spec:
  duration: 600s
  cluster: { nodes: 3, nodeResources: { cpu: "64", memory: 256Gi } }
${p.spec ?? ''}`;
}

export function session(yaml: string, at: number): Session {
  const s = Session.load(yaml, 'plan.yaml');
  if (!(s instanceof Session)) throw new Error(s.errors.join('\n'));
  s.advanceTo(at);
  return s;
}
