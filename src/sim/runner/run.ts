/**
 * The headless run: parse a scenario file, simulate it, and produce the runner's JSON document
 * (scenario-format.md §2). Used by the CLI and by anything else that wants a whole run.
 */
import type { RunResult, Sample } from './runResult';
import { parseScenario } from '../scenario/parse';
import type { ParseExtras } from '../scenario/scenario';
import { Engine } from '../engine/engine';
import type { ClusterReader } from '../engine/clusterReader';
import { buildSample } from './sample';
import { copyCounters, diffSample } from '../traffic/metrics';

export interface RunOptions {
  seed?: number;
  durationMs?: number;
  sampleMs?: number;
}

export type RunOutcome = ({ ok: true; result: RunResult } | { ok: false; errors: string[] }) &
  Partial<ParseExtras>;

export function runScenario(text: string, fileName: string, opts: RunOptions = {}): RunOutcome {
  const parsed = parseScenario(text, fileName);
  if (!parsed.ok) return parsed;
  const scenario = parsed.scenario;
  const engine = new Engine(scenario, opts.seed !== undefined ? { seed: opts.seed } : {});
  // The run advances the engine; everything it reports it reads through ClusterReader.
  const cluster: ClusterReader = engine;
  const duration = opts.durationMs ?? scenario.duration;
  const step = Math.max(100, opts.sampleMs ?? 1000);
  const samples: Sample[] = [];
  let before = copyCounters(cluster.traffic.counters);
  let t = 0;
  while (t < duration) {
    t = Math.min(t + step, duration);
    engine.advanceTo(t);
    const now = copyCounters(cluster.traffic.counters);
    samples.push(buildSample(cluster, diffSample(now, before)));
    before = now;
  }
  const events = cluster.eventRecords();
  const c = cluster.traffic.counters;
  return {
    ok: true,
    ignored: parsed.ignored,
    notes: parsed.notes,
    result: {
      scenario: scenario.name,
      seed: cluster.seed,
      duration: duration / 1000,
      commands: cluster.commands.map((x) => ({ ...x })),
      events,
      samples,
      summary: {
        rolloutSeconds: cluster.rolloutSeconds(),
        downtimeSeconds: c.downtimeMs / 1000,
        requests: c.requests,
        errors: c.noEndpoints + c.refused + c.appError,
        peakPods: cluster.peakPods,
        peakPodsPerDeployment: { ...cluster.peakPodsPerDeployment },
      },
    },
  };
}
