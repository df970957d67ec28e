/**
 * A harness over the real engine, in the spirit of tldraw's TestEditor: load a scenario, then
 * chain what a user does (advance time, run kubectl, change traffic) with what they would see
 * (`expect…` helpers), reading events, objects and kubectl output through one place instead of
 * the engine's fields.
 *
 *   TestCluster.load(yaml).advance('30s').exec('scale deployment/web --replicas=5')
 *     .expectOutput('deployment.apps/web scaled\n').advance('10s').expectPods(5);
 */
import { expect } from 'vitest';
import { parseScenario } from '../../src/sim/scenario/parse';
import { Engine } from '../../src/sim/engine/engine';
import type { Deployment, ReplicaSet, Pod, Rollout } from '../../src/sim/api/objects';
import type { RecordedEvent } from '../../src/sim/api/eventRecorder';
import type { TrafficSpec } from '../../src/sim/scenario/scenario';
import type { RequestSample } from '../../src/sim/traffic/generator';
import { parseDuration } from '../../src/sim/core/quantity';

/** A duration ("10s") or milliseconds, in milliseconds. */
function toMs(by: string | number): number {
  const ms = typeof by === 'number' ? by : parseDuration(by);
  if (ms === undefined) throw new Error(`bad duration ${by}`);
  return ms;
}

export class TestCluster {
  readonly engine: Engine;
  /** Output of the latest `exec`. */
  lastOutput = '';

  private constructor(engine: Engine) {
    this.engine = engine;
  }

  static load(yaml: string, seed?: number): TestCluster {
    const parsed = parseScenario(yaml, 'test.yaml');
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    return new TestCluster(new Engine(parsed.scenario, seed !== undefined ? { seed } : {}));
  }

  /** Simulated milliseconds since the scenario started. */
  get now(): number {
    return this.engine.now;
  }

  // What a user does.

  /** Advance by a duration ("10s") or milliseconds. */
  advance(by: string | number): this {
    this.engine.advance(toMs(by));
    return this;
  }

  /**
   * Process every happening up to simulated time `until` one at a time, calling `check` (with
   * this cluster) after each, so an invariant is checked at every instant, not only where
   * `advance` stops; then move the clock to `until`.
   */
  walk(until: string | number, check: (cluster: this) => void): this {
    const end = toMs(until);
    for (;;) {
      const t = this.engine.nextTime();
      if (t === undefined || t > end) break;
      this.engine.processNext();
      check(this);
    }
    this.engine.advanceTo(end);
    return this;
  }

  /** Run a kubectl line now and keep its output for `expectOutput`. */
  exec(line: string): this {
    this.lastOutput = this.engine.exec(line).output;
    return this;
  }

  /** Change the traffic from now on, as a `traffic` step or the request-rate slider does. */
  traffic(patch: Partial<TrafficSpec>): this {
    this.engine.setTraffic(patch);
    return this;
  }

  // What a user sees.

  /** Run a kubectl line now and return its output. */
  kubectl(line: string): string {
    return this.engine.exec(line).output;
  }

  deployment(name: string): Deployment {
    const d = this.engine.get<Deployment>('Deployment', name);
    if (!d) throw new Error(`no deployment ${name}`);
    return d;
  }

  replicaSets(): ReplicaSet[] {
    return this.engine.list<ReplicaSet>('ReplicaSet');
  }

  rollouts(): Rollout[] {
    return this.engine.list<Rollout>('Rollout');
  }

  pods(): Pod[] {
    return this.engine.list<Pod>('Pod');
  }

  pod(name: string): Pod | undefined {
    return this.engine.get<Pod>('Pod', name);
  }

  /** Events with `reason` (on any object), from `afterMs` on. */
  events(reason: string, afterMs = 0): RecordedEvent[] {
    return this.engine.events.events.filter((e) => e.reason === reason && e.t >= afterMs);
  }

  /** Messages of events with `reason` (on any object), from `afterMs` on. */
  messages(reason: string, afterMs = 0): string[] {
    return this.events(reason, afterMs).map((e) => e.message);
  }

  /** Requests answered so far, per image (cumulative since t = 0). */
  byImage(): Readonly<Record<string, number>> {
    return this.engine.traffic.counters.byImage;
  }

  /** The latest sampled requests (the few hundred the stage draws), oldest first. */
  recentRequests(): readonly RequestSample[] {
    return this.engine.traffic.recent;
  }

  // Expectations, chainable.

  expectOutput(expected: string | RegExp): this {
    if (typeof expected === 'string') expect(this.lastOutput).toBe(expected);
    else expect(this.lastOutput).toMatch(expected);
    return this;
  }

  expectPods(count: number): this {
    expect(this.pods()).toHaveLength(count);
    return this;
  }

  /** The ReplicaSets' desired sizes, in creation order. */
  expectReplicaSets(sizes: readonly (number | undefined)[]): this {
    expect(this.replicaSets().map((rs) => rs.spec?.replicas)).toEqual(sizes);
    return this;
  }

  /** At least one event with `reason`, and with `message` if given. */
  expectEvent(reason: string, message?: string | RegExp): this {
    const messages = this.messages(reason);
    if (message === undefined) expect(messages, `an event ${reason}`).not.toEqual([]);
    else if (typeof message === 'string') expect(messages).toContain(message);
    else
      expect(
        messages.some((m) => message.test(m)),
        `${reason}: ${message}`,
      ).toBe(true);
    return this;
  }

  /** Exactly these messages of events with `reason`, from `afterMs` on. */
  expectMessages(reason: string, messages: readonly string[], afterMs = 0): this {
    expect(this.messages(reason, afterMs)).toEqual(messages);
    return this;
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
