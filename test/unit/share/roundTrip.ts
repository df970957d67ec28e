/**
 * The runner's output for a scenario with a person's actions replayed at their simulated times:
 * runScenario's loop (src/sim/runner/run.ts) with the actions applied as the session applies
 * them (after everything due at their instant and the traffic before it, before the sample taken
 * at it).
 */
import { parseScenario } from '../../../src/sim/scenario/parse';
import { Engine } from '../../../src/sim/engine/engine';
import { buildSample } from '../../../src/sim/runner/sample';
import { copyCounters, diffSample } from '../../../src/sim/traffic/metrics';
import type { RunResult, Sample } from '../../../src/sim/runner/runResult';
import type { UserAction } from '../../../src/sim/session/userAction';

export function runWithActions(
  text: string,
  fileName: string,
  actions: readonly UserAction[],
  sampleMs = 1000,
): RunResult {
  const parsed = parseScenario(text, fileName);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const scenario = parsed.scenario;
  const engine = new Engine(scenario, {});
  const queue = [...actions].sort((a, b) => a.t - b.t);
  const apply = (a: UserAction) => {
    engine.advanceTo(a.t);
    engine.flushTraffic();
    if (a.kind === 'kubectl') engine.exec(a.line);
    else if (a.kind === 'traffic') engine.setTraffic(a.patch);
    else if (a.kind === 'interrupt') engine.interrupt();
    else if (a.kind === 'startTime') engine.setStartTime(a.ms);
    else throw new Error('text applied from the editor is replayed by a Session, not here');
  };
  const samples: Sample[] = [];
  let before = copyCounters(engine.traffic.counters);
  let t = 0;
  while (t < scenario.duration) {
    t = Math.min(t + sampleMs, scenario.duration);
    while (queue.length && queue[0]!.t <= t) apply(queue.shift()!);
    engine.advanceTo(t);
    const now = copyCounters(engine.traffic.counters);
    samples.push(buildSample(engine, diffSample(now, before)));
    before = now;
  }
  const c = engine.traffic.counters;
  return {
    scenario: scenario.name,
    seed: engine.seed,
    duration: scenario.duration / 1000,
    commands: engine.commands.map((x) => ({ ...x })),
    events: engine.eventRecords(),
    samples,
    summary: {
      rolloutSeconds: engine.rolloutSeconds(),
      downtimeSeconds: c.downtimeMs / 1000,
      requests: c.requests,
      errors: c.noEndpoints + c.refused + c.appError,
      peakPods: engine.peakPods,
      peakPodsPerDeployment: { ...engine.peakPodsPerDeployment },
    },
  };
}
