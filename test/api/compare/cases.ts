/**
 * What the comparison suite runs: catalog scenarios covering a Deployment's rolling update, an
 * Argo Rollout canary and blue-green, an HPA and a Service switched between Deployments
 * (EndpointSlices), each at moments before, during and after its change, and the commands a
 * person types at each — built from the objects the console sees at that moment.
 */
import type { ConsoleAt } from './consoleAt';

export interface Moment {
  file: string;
  /** Simulated seconds (whole). */
  at: number;
  /** Also compare server dry runs and writes (run one by one, after the reads). */
  writes?: boolean;
}

export const MOMENTS: Moment[] = [
  { file: 'public/scenarios/ramped.yaml', at: 17 },
  { file: 'public/scenarios/ramped.yaml', at: 40, writes: true },
  { file: 'public/scenarios/hpa-rolling-update.yaml', at: 60, writes: true },
  { file: 'public/scenarios/blue-green.yaml', at: 35 },
  { file: 'public/scenarios/argo-canary-demo.yaml', at: 25 },
  { file: 'public/scenarios/argo-blue-green.yaml', at: 30 },
  { file: 'public/scenarios/ramped.yaml', at: 1 },
  { file: 'public/scenarios/bad-version.yaml', at: 45 },
  { file: 'public/scenarios/rollback.yaml', at: 80 },
  { file: 'public/scenarios/recreate.yaml', at: 16 },
  { file: 'public/scenarios/argo-canary-analysis-fail.yaml', at: 45 },
];

export const SEED = 7;

/** The names of one kind at this moment, as `get KIND -o name` lists them. */
function names(c: ConsoleAt, kind: string): string[] {
  const r = c.exec(`get ${kind} -o name`);
  if (r.exitCode !== 0) return [];
  return r.output
    .split('\n')
    .filter((l) => l.includes('/'))
    .map((l) => l.slice(l.indexOf('/') + 1));
}

const READY_COLUMNS =
  'NAME:.metadata.name,IMAGE:.spec.containers[*].image,READY:.status.conditions[?(@.type=="Ready")].status,NODE:.spec.nodeName,IP:.status.podIP';

/**
 * Tables are drawn by the server (Table answers from the console's own column printers), so
 * kubectl only lays them out: a few at every moment suffice. Usage errors depend on no moment.
 */
const EVERY_MOMENT = [
  'get pods -o wide',
  'get all',
  'get events',
  'get deployments --show-labels',
  'get pods -o json',
  'get rs -o yaml',
  'get endpoints -o yaml',
  'describe pods',
  'describe endpoints',
  'describe endpointslices',
];
const FIRST_MOMENT = [
  'get deployments -o wide',
  'get rs -o wide',
  'get pods --show-labels',
  'get services -o wide',
  'get endpoints',
  'get endpointslices',
  'get events -o wide',
  'get services -o yaml',
  'get rs --show-labels',
  'get hpa -o wide',
  'get analysisruns',
  'get pods -o name',
  'get',
  'rollout',
  'set',
  'get deploy nope',
  'get pods -o foo',
  'get pods -o custom-columns=NAME',
  'describe deployment nope',
  'describe',
  'rollout status',
  'get pods -l app=web -o name',
  'get pods --sort-by=.metadata.creationTimestamp',
  'get pods -o custom-columns=NAME:.metadata.name,CREATED:.metadata.creationTimestamp,OWNER:.metadata.ownerReferences[0].name',
];

/** Every command (as kubectl's argv) to compare at this moment (`first`: the run's first). */
export function commandsAt(c: ConsoleAt, first: boolean): string[][] {
  const deploys = names(c, 'deployments');
  const rss = names(c, 'replicasets');
  const pods = names(c, 'pods');
  const svcs = names(c, 'services').filter((s) => s !== 'kubernetes');
  const hpas = names(c, 'hpa');
  const rollouts = names(c, 'rollouts');
  const argv = [...EVERY_MOMENT, ...(first ? FIRST_MOMENT : [])].map((l) => l.split(' '));
  argv.push(['get', 'pods', '-o', `custom-columns=${READY_COLUMNS}`]);
  for (const d of deploys) {
    argv.push(
      ...[
        `describe deployment ${d}`,
        `describe deployment ${d} --show-events=false`,
        `rollout status deployment/${d} --watch=false`,
        `rollout history deployment/${d}`,
        `rollout history deployment/${d} --revision=1`,
        `rollout history deployment/${d} --revision=2`,
        `get deployment ${d} -o yaml`,
        `get deployment ${d} -o json`,
        `set image deployment/${d} *=nginx:9.9 --dry-run=client -o yaml`,
        `scale deployment/${d} --replicas=5 --dry-run=client -o yaml`,
      ].map((l) => l.split(' ')),
    );
  }
  for (const rs of rss.slice(0, 2)) argv.push(['describe', 'rs', rs]);
  // Every pod is described by `describe pods`; one is read back alone.
  for (const p of pods.slice(0, 1)) argv.push(['get', 'pod', p, '-o', 'yaml']);
  for (const s of svcs)
    argv.push(
      ['describe', 'service', s],
      ['get', 'service', s, '-o', 'json'],
      ['get', 'endpoints', s, '-o', 'yaml'],
    );
  for (const h of hpas)
    argv.push(['describe', 'hpa', h], ['get', 'hpa', h, '-o', 'yaml'], ['get', 'hpa']);
  for (const r of rollouts)
    argv.push(['describe', 'rollout', r], ['get', 'rollout', r, '-o', 'yaml'], ['get', 'rollouts']);
  return argv;
}

/**
 * Server dry runs, then writes, then a read of what they did: in this order on both sides, one
 * at a time (each changes what the next sees).
 */
export function writesAt(c: ConsoleAt): string[][] {
  const d = names(c, 'deployments')[0];
  const p = names(c, 'pods')[0];
  if (!d || !p) return [];
  const lines = [
    `scale deployment/${d} --replicas=5 --dry-run=server`,
    `set image deployment/${d} *=nginx:9.9 --dry-run=server`,
    `label deployment ${d} tier=web --dry-run=server`,
    `delete pod ${p} --dry-run=server`,
    `rollout undo deployment/${d} --dry-run=server`,
    `label deployment ${d} tier=web`,
    `annotate deployment ${d} note=x`,
    `scale deployment/${d} --replicas=4`,
    `rollout pause deployment/${d}`,
    `rollout resume deployment/${d}`,
    `get deployment ${d} -o yaml`,
    `rollout history deployment/${d}`,
  ];
  const argv = lines.map((l) => l.split(' '));
  argv.splice(4, 0, [
    'patch',
    'deployment',
    d,
    '--type=merge',
    '-p',
    '{"spec":{"minReadySeconds":1}}',
    '--dry-run=server',
  ]);
  return argv;
}

/** The argv as one console line, quoted as a shell would need it. */
export function asLine(argv: readonly string[]): string {
  return argv.map((a) => (/^[\w./:=,@-]*$/.test(a) ? a : `'${a}'`)).join(' ');
}
