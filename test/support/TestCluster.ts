/**
 * A harness over the real engine: load a scenario, advance simulated time, run kubectl, and
 * read what a user would see — events, objects, kubectl output.
 */
import { parseScenario } from '../../src/sim/scenario/parse';
import { Engine } from '../../src/sim/engine/engine';
import type { Deployment, ReplicaSet, Pod } from '../../src/sim/api/objects';
import { parseDuration } from '../../src/sim/core/quantity';

export class TestCluster {
  readonly engine: Engine;

  private constructor(engine: Engine) {
    this.engine = engine;
  }

  static load(yaml: string, seed?: number): TestCluster {
    const parsed = parseScenario(yaml, 'test.yaml');
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    return new TestCluster(new Engine(parsed.scenario, seed !== undefined ? { seed } : {}));
  }

  /** Advance by a duration ("10s") or milliseconds. */
  advance(by: string | number): this {
    const ms = typeof by === 'number' ? by : parseDuration(by);
    if (ms === undefined) throw new Error(`bad duration ${by}`);
    this.engine.advance(ms);
    return this;
  }

  kubectl(line: string): string {
    return this.engine.exec(line).output;
  }

  deployment(name: string): Deployment {
    const d = this.engine.store.get<Deployment>('Deployment', name);
    if (!d) throw new Error(`no deployment ${name}`);
    return d;
  }

  replicaSets(): ReplicaSet[] {
    return this.engine.list<ReplicaSet>('ReplicaSet');
  }

  pods(): Pod[] {
    return this.engine.list<Pod>('Pod');
  }

  /** Messages of events with `reason` (on any object), from `afterMs` on. */
  messages(reason: string, afterMs = 0): string[] {
    return this.engine.events.events
      .filter((e) => e.reason === reason && e.t >= afterMs)
      .map((e) => e.message);
  }
}

export interface DeploymentParams {
  replicas: number;
  maxSurge?: number | string;
  maxUnavailable?: number | string;
  minReadySeconds?: number;
  strategy?: 'RollingUpdate' | 'Recreate';
  image?: string;
  readinessProbe?: boolean;
  progressDeadlineSeconds?: number;
}

/** A one-Deployment scenario (name web, image v1) with optional extra Scenario spec lines. */
export function deploymentYaml(p: DeploymentParams, scenarioSpec = ''): string {
  const rolling =
    p.strategy === 'Recreate'
      ? '  strategy:\n    type: Recreate\n'
      : p.maxSurge !== undefined || p.maxUnavailable !== undefined
        ? `  strategy:\n    rollingUpdate:\n${p.maxSurge !== undefined ? `      maxSurge: ${JSON.stringify(p.maxSurge)}\n` : ''}${p.maxUnavailable !== undefined ? `      maxUnavailable: ${JSON.stringify(p.maxUnavailable)}\n` : ''}`
        : '';
  const probe = p.readinessProbe
    ? '          readinessProbe:\n            httpGet: { path: /, port: 80 }\n            periodSeconds: 1\n'
    : '';
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${p.replicas}
${p.minReadySeconds !== undefined ? `  minReadySeconds: ${p.minReadySeconds}\n` : ''}${p.progressDeadlineSeconds !== undefined ? `  progressDeadlineSeconds: ${p.progressDeadlineSeconds}\n` : ''}${rolling}  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: web
          image: ${p.image ?? 'app:v1'}
${probe}---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: { app: web }
  ports: [{ port: 80 }]
---
apiVersion: rolloutlab.dev/v1alpha1
kind: Scenario
metadata:
  name: test
spec:
  cluster: { nodes: 3, nodeResources: { cpu: "64", memory: 256Gi } }
${scenarioSpec}`;
}
