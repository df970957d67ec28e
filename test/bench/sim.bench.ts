/**
 * `npm run bench`: how fast the core simulates, as simulated seconds per wall second.
 * (a) 10 replicas, 50 rps, a 10-minute run with a rolling update; target ≥ 5 000×.
 * (b) 1 000 replicas, 10 000 rps, 10 minutes with a rolling update; target ≥ 200×.
 * (c) the worker at 3 000 and 10 000 replicas: engine and frame-builder time per tick and the
 *     frame's size (frameCost.ts).
 * A benchmark, not a test: it prints figures and never fails on them.
 */
import { performance } from 'node:perf_hooks';
import { parseScenario } from '../../src/sim/scenario/parse';
import { Engine } from '../../src/sim/engine/engine';
import { deploymentYaml } from '../support/TestCluster';
import { printFrameCosts } from './frameCost';

function scenario(replicas: number, rps: number, nodes: number): string {
  const yaml = deploymentYaml(
    { replicas, readinessProbe: true },
    `  duration: 10m
  traffic: { target: web, rps: ${rps}, clients: 200 }
  steps:
    - at: 60s
      kubectl: set image deployment/web web=app:v2
`,
  );
  return yaml.replace('cluster: { nodes: 3,', `cluster: { nodes: ${nodes},`);
}

function bench(label: string, yaml: string, target: number): void {
  const runs: number[] = [];
  let detail = '';
  // Run 0 warms the JIT up and is not counted: the figures are steady-state speed.
  for (let i = 0; i < 4; i++) {
    const parsed = parseScenario(yaml, 'bench.yaml');
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const t0 = performance.now();
    const engine = new Engine(parsed.scenario);
    // Advance in 1 s samples, as the runner does.
    for (let t = 1000; t <= parsed.scenario.duration; t += 1000) engine.advanceTo(t);
    const wall = (performance.now() - t0) / 1000;
    if (i > 0) runs.push(parsed.scenario.duration / 1000 / wall);
    const c = engine.traffic.counters;
    detail = `${c.requests} requests, ${engine.events.events.length} events, rollout ${engine.rollouts.rolloutSeconds()} s`;
  }
  runs.sort((a, b) => a - b);
  const median = runs[1] ?? 0;
  const verdict = median >= target ? 'meets' : 'MISSES';
  console.log(
    `${label}: ${Math.round(median)}× simulated/wall (median of 3 after a warm-up run; target ${target}×, ${verdict}) — ${detail}`,
  );
}

bench('(a) 10 replicas, 50 rps, 10 min', scenario(10, 50, 3), 5000);
bench('(b) 1000 replicas, 10000 rps, 10 min', scenario(1000, 10000, 20), 200);
printFrameCosts();
