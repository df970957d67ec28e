/**
 * The first commands a person types on a new cluster: `kubectl get nodes` (and `-o wide`,
 * `describe node`) and `kubectl get ns`. Real kubectl 1.32 runs them against `sim serve`,
 * paused at a moment; the in-app console runs the same lines at the same moment; both outputs
 * (stdout, stderr, exit code) must be identical byte for byte, timestamps mapped back to the
 * simulation's calendar as the comparison suite does (compare/wallTimes.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServe, type ServeProcess } from '../support/serveProcess';
import { consoleAt, type ConsoleAt } from './compare/consoleAt';
import { again, runAll, type TimedRun } from './compare/alignedRuns';
import { toSimTimes } from './compare/wallTimes';
import { firstDifference } from './compare/difference';

const FILE = 'public/scenarios/ramped.yaml';
const SEED = 7;
const AT_S = 40;

const READS = [
  'get nodes',
  'get nodes -o wide',
  'get no node-2',
  'get node node-1 -o yaml',
  'get ns',
  'get namespaces -o wide',
  'get ns kube-system -o yaml',
  'describe ns default',
  'get ns nope',
  'get pods -n kube-system',
  'get all -n kube-node-lease',
  'get deploy web -n kube-public',
];
// Writes on a kind served read-only: refused by the server, on both sides, nothing changed.
const WRITES = [
  'delete node node-2',
  'label node node-1 role=edge',
  'get nodes',
  'delete ns kube-public',
  'label ns default team=a',
  'get ns',
];

let srv: ServeProcess;
let mine: ConsoleAt;

beforeAll(async () => {
  mine = consoleAt(FILE, SEED, AT_S * 1000);
  srv = await startServe(FILE, { speed: 0, start: `${AT_S}s`, seed: SEED });
}, 60_000);

afterAll(async () => {
  await srv?.stop();
});

function theirs(run: TimedRun, wallSecond: number): string {
  return `${toSimTimes(run.stdout + run.stderr, wallSecond, AT_S * 1000)}[exit ${run.code ?? 'signal'}]\n`;
}

/** kubectl's run and the console's line, equal under one of the wall seconds the run spanned. */
async function compare(line: string, first: TimedRun, rerun: boolean): Promise<void> {
  const r = mine.exec(line);
  const ours = `${r.output}[exit ${r.exitCode}]\n`;
  let run = first;
  const same = (x: TimedRun) => x.wallSeconds.some((s) => theirs(x, s) === ours);
  for (let i = 0; rerun && i < 3 && !same(run) && run.wallSeconds.length > 1; i++)
    run = await again(srv, line.split(' '));
  if (!same(run))
    expect.fail(`kubectl ${line}\n${firstDifference(theirs(run, run.wallSeconds[0] ?? 0), ours)}`);
}

describe('nodes and namespaces: the console prints what real kubectl prints', () => {
  it('reads', async () => {
    const runs = await runAll(
      srv,
      READS.map((l) => l.split(' ')),
    );
    for (const [i, line] of READS.entries()) {
      const run = runs[i];
      expect(run, line).toBeDefined();
      if (run) await compare(line, run, true);
    }
    // Not just two equal errors: the table is there.
    expect(mine.exec('get nodes').output).toContain('node-1   Ready    <none>');
    expect(mine.exec('get ns').output).toContain('\nkube-system       Active   40s\n');
  }, 60_000);

  // The console describes a node with the generic describer (kubectl's NodeDescriber is not
  // emulated); real kubectl's NodeDescriber must find every field it prints filled in.
  it('describe node reads well from real kubectl', async () => {
    const r = await srv.kubectl('describe node node-1');
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^Name: +node-1\nRoles: +<none>\n/);
    expect(r.stdout).toMatch(/\n {2}Ready +True +\w{3}, \d\d \w{3} \d{4} /);
    expect(r.stdout).not.toContain('0001');
    expect(r.stdout).toMatch(/\n {2}InternalIP: +172\.18\.0\.2\n {2}Hostname: +node-1\n/);
    expect(r.stdout).toMatch(/\n {2}Machine ID: +[0-9a-f]{32}\n/);
    expect(r.stdout).toMatch(/\n {2}Kubelet Version: +v1\.32\.0\n/);
    expect(r.stdout).toMatch(/\n {2}Container Runtime Version: +containerd:\/\/\S+\n/);
  }, 30_000);

  it('writes are refused alike', async () => {
    for (const line of WRITES) {
      const [run] = await runAll(srv, [line.split(' ')], 1);
      expect(run, line).toBeDefined();
      if (run) await compare(line, run, false);
    }
  }, 60_000);
});
