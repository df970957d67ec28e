/**
 * "Export scenario" saves what a person did as timed steps: running the exported file gives the
 * runner output of the original scenario with the session's actions replayed at their times.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Session } from '../../../src/sim/session/session';
import { runScenario } from '../../../src/sim/runner/run';
import { parseScenario } from '../../../src/sim/scenario/parse';
import { exportScenario } from '../../../src/sim/session/exportScenario';
import type { UserAction } from '../../../src/sim/session/userAction';
import type { Deployment } from '../../../src/sim/api/objects';
import { catalogText } from '../../support/catalog';
import { runWithActions } from './roundTrip';

function exported(id: string, actions: readonly UserAction[]) {
  const text = catalogText(id);
  const parsed = parseScenario(text, `${id}.yaml`);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return exportScenario(text, parsed.scenario, actions);
}

function runText(text: string, fileName: string) {
  const r = runScenario(text, fileName);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.result;
}

/** A person's session on a catalog scenario: what they did, at the times they did it. */
function session(id: string, play: (s: Session, deployment: string) => void): UserAction[] {
  return played(id, play).actions;
}

function played(id: string, play: (s: Session, deployment: string) => void) {
  const s = Session.load(catalogText(id), `${id}.yaml`);
  if ('errors' in s) throw new Error(s.errors.join('\n'));
  const deployment =
    s.scenario.manifests.find((m) => m.kind === 'Deployment' || m.kind === 'Rollout')?.metadata
      ?.name ?? 'web';
  play(s, deployment);
  const actions = s.history();
  s.advanceTo(s.scenario.duration);
  return {
    actions,
    events: s.cluster.eventRecords(),
    commands: [...s.cluster.commands],
    traffic: { ...s.cluster.traffic.counters },
  };
}

describe('When a session is exported as a scenario', () => {
  it.each([
    'ramped',
    'recreate',
    'legacy-rolling-update',
    'argo-canary-demo',
    'hpa-rolling-update',
  ])('%s: the exported file runs exactly as the original with the actions replayed', (id) => {
    const actions = session(id, (s, d) => {
      s.advanceTo(4_200.5);
      s.exec(`scale ${id.startsWith('argo') ? 'rollout' : 'deployment'}/${d} --replicas=5`);
      s.advanceTo(9_000);
      s.setTraffic({ rps: 45 });
      s.setStartTime(3_500);
      s.advanceTo(21_337);
      s.interrupt();
      s.exec(`label ${id.startsWith('argo') ? 'rollout' : 'deployment'}/${d} team=a`);
      s.advanceTo(30_000);
      s.setTraffic({ rps: 5, clients: 7 });
    });
    expect(actions.length).toBeGreaterThanOrEqual(5);
    const file = exported(id, actions);
    const replayed = runWithActions(catalogText(id), `${id}.yaml`, actions);
    // The actions changed what happens (else the comparison below would prove nothing).
    expect(replayed).not.toEqual(runText(catalogText(id), `${id}.yaml`));
    expect(runText(file.text, file.fileName)).toEqual(replayed);
  });

  it('keeps the file’s comments, its own steps and their captions', () => {
    const file = exported('ramped', [{ t: 20_000, kind: 'traffic', patch: { rps: 30 } }]);
    expect(file.text).toContain("# Rolling update with Kubernetes' defaults");
    expect(file.text).toContain('caption: "A new image');
    expect(file.text).toMatch(
      /- at: 15s\n\s+kubectl: set image[\s\S]*\{ at: 20s, traffic: \{ rps: 30 \} \}/,
    );
  });

  it('saves the start-time control as a startTime step and Ctrl-C as interrupt: true', () => {
    const file = exported('ramped', [
      { t: 1_500, kind: 'startTime', ms: 2_500 },
      { t: 2_001, kind: 'interrupt' },
    ]);
    expect(file.text).toContain('{ at: 1.5s, startTime: 2.5s }');
    expect(file.text).toContain('{ at: 2.001s, interrupt: true }');
  });

  it('makes the duration cover an action after the scenario’s end, and says so', () => {
    const file = exported('ramped', [
      { t: 75_250, kind: 'kubectl', line: 'scale deployment/web --replicas=1' },
    ]);
    expect(file.text).toContain('duration: 1m16s');
    expect(file.notes.join(' ')).toMatch(/spec.duration is now 1m16s/);
    const run = runText(file.text, file.fileName);
    expect(run.commands.map((c) => [c.t, c.command])).toContainEqual([
      75.25,
      'scale deployment/web --replicas=1',
    ]);
  });
});

describe('When the person applied text from the editor or saved a kubectl edit', () => {
  const image = (events: { message: string }[]) =>
    events.map((e) => e.message).filter((m) => /Scaled|Created|Killing/.test(m));

  it('the exported file (apply: steps, a merge patch for the edit) runs the same rollout', () => {
    const text = catalogText('recreate');
    const edited = played('recreate', (s, d) => {
      s.advanceTo(3_000);
      const open = s.openEdit(`edit deployment/${d}`);
      if (!('text' in open)) throw new Error(open.output);
      expect(
        s.saveEdit(
          `edit deployment/${d}`,
          open.text,
          open.text.replace(/replicas: \d+/, 'replicas: 5'),
        ).output,
      ).toMatch(/edited/);
      s.advanceTo(6_000);
      const manifest = s.scenario.manifests.find((m) => m.kind === 'Deployment') as Deployment;
      const changed = structuredClone(manifest);
      changed.spec!.template.spec!.containers[0]!.image = 'nginx:1.28';
      s.applyText(JSON.stringify(changed), 'web.json');
    });
    expect(edited.actions.map((a) => a.kind)).toEqual(['applyText', 'applyText']);
    const parsed = parseScenario(text, 'recreate.yaml');
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const file = exportScenario(text, parsed.scenario, edited.actions);
    expect(file.text).toMatch(
      /kubectl: patch deployment \S+ --type=merge -p '\{"spec":\{"replicas":5\}\}'/,
    );
    expect(file.text).toMatch(/apply:[\s\S]*image: nginx:1.28/);
    const run = runText(file.text, file.fileName);
    expect(image(run.events)).toEqual(image(edited.events));
    expect(run.events.some((e) => /from 0 to 5|to 5$/.test(e.message))).toBe(true);
  });
});

describe('When a person does random things during ramped', () => {
  const kubectl = fc.constantFrom(
    'scale deployment/web --replicas=1',
    'scale deployment/web --replicas=6',
    'set image deployment/web web=nginx:1.28',
    'rollout pause deployment/web',
    'rollout resume deployment/web',
    'rollout undo deployment/web',
    'rollout restart deployment/web',
    `patch deployment web -p '{"spec":{"strategy":{"rollingUpdate":{"maxSurge":2}}}}'`,
    'delete pod does-not-exist',
  );
  const action: fc.Arbitrary<(s: Session) => void> = fc.oneof(
    kubectl.map((line) => (s: Session) => void s.exec(line)),
    fc.integer({ min: 0, max: 200 }).map((rps) => (s: Session) => s.setTraffic({ rps })),
    fc.integer({ min: 0, max: 8_000 }).map((ms) => (s: Session) => s.setStartTime(ms)),
    fc.constant((s: Session) => s.interrupt()),
  );
  it('the exported file always runs as the original with the actions replayed', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 59_000 }), action), { maxLength: 8 }),
        (plan) => {
          const { actions, traffic, events } = played('ramped', (s) => {
            for (const [t, act] of [...plan].sort((a, b) => a[0] - b[0])) {
              s.advanceTo(t);
              act(s);
            }
          });
          const file = exported('ramped', actions);
          const run = runText(file.text, file.fileName);
          expect(run).toEqual(runWithActions(catalogText('ramped'), 'ramped.yaml', actions));
          expect(run.events).toEqual(events);
          expect(run.summary.requests).toBe(traffic.requests);
          expect(run.summary.errors).toBe(traffic.noEndpoints + traffic.refused + traffic.appError);
        },
      ),
      { numRuns: 12, seed: 11 },
    );
  }, 120_000);
});
