/**
 * Tests that drive `sim serve` with real kubectl 1.32 (test/api/**): start the server as a
 * person does (`node scripts/sim.mjs serve FILE --port 0 …`, an ephemeral port read from its
 * first line), run the real kubectl binary under the name `kubectl` with the server's own
 * kubeconfig, and stop the server by its pid.
 *
 *   const srv = await startServe('public/scenarios/ramped.yaml', { speed: 0, start: '30s' });
 *   const r = await srv.kubectl('get pods');  // { stdout, stderr, code }
 *   await srv.stop();
 *
 * A missing kubectl fails with a clear message (never a skip).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Upstream kubectl 1.32 on these machines (the `kubectl` on PATH is a different build). */
export const KUBECTL_1_32 = '/usr/lib/google-cloud-sdk/bin/kubectl.1.32';

const ROOT = resolve(import.meta.dirname, '..', '..');

export interface ServeOptions {
  /** Simulated seconds per wall second; 0 pauses (see src/sim/apiserver/servedClock.ts). */
  speed?: number;
  seed?: number;
  /** Fast-forward before serving, e.g. '30s'. */
  start?: string;
}

export interface KubectlRun {
  stdout: string;
  stderr: string;
  code: number | null;
}

export interface ServeProcess {
  port: number;
  /** The kubeconfig the server wrote (in a temp dir of its own). */
  kubeconfig: string;
  /** What the server printed on stdout so far. */
  readonly output: string;
  /** Runs real kubectl with the server's kubeconfig; `args` split on spaces, or given as an array. */
  kubectl(args: string | readonly string[], opts?: { timeoutMs?: number }): Promise<KubectlRun>;
  /** Starts kubectl and returns the process (for `get -w`: read its stdout, kill it when done). */
  spawnKubectl(args: string | readonly string[]): ChildProcess;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

/** A temp dir with `kubectl` → kubectl 1.32 (messages print their own name); throws if missing. */
export function kubectlDir(): string {
  if (!existsSync(KUBECTL_1_32))
    throw new Error(
      `real kubectl 1.32 is needed at ${KUBECTL_1_32} for the API tests (install google-cloud-sdk's kubectl 1.32, or point KUBECTL_1_32 at it)`,
    );
  const dir = mkdtempSync(join(tmpdir(), 'rollout-lab-kubectl-'));
  symlinkSync(KUBECTL_1_32, join(dir, 'kubectl'));
  return dir;
}

const split = (args: string | readonly string[]): string[] =>
  typeof args === 'string' ? args.split(' ').filter((a) => a !== '') : [...args];

export async function startServe(file: string, opts: ServeOptions = {}): Promise<ServeProcess> {
  const bin = kubectlDir();
  const dir = mkdtempSync(join(tmpdir(), 'rollout-lab-serve-'));
  mkdirSync(dir, { recursive: true });
  const kubeconfig = join(dir, 'kubeconfig');
  const args = ['scripts/sim.mjs', 'serve', file, '--port', '0', '--kubeconfig', kubeconfig];
  if (opts.speed !== undefined) args.push('--speed', String(opts.speed));
  if (opts.seed !== undefined) args.push('--seed', String(opts.seed));
  if (opts.start !== undefined) args.push('--start', opts.start);
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  // A test file that ends without stop() (a failed beforeAll) must not leave the server running.
  const orphan = (): void => void child.kill('SIGTERM');
  process.once('exit', orphan);
  let output = '';
  let errors = '';
  child.stderr.on('data', (d: Buffer) => (errors += d.toString()));
  const port = await new Promise<number>((ok, fail) => {
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
      const m = /http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (m) ok(Number(m[1]));
    });
    child.once('exit', (code) => fail(new Error(`sim serve exited (${code}): ${errors}`)));
  });
  // kubectl's discovery cache goes to the server's temp dir, not ~/.kube/cache (KUBECACHEDIR).
  const env = {
    ...process.env,
    KUBECONFIG: kubeconfig,
    KUBECACHEDIR: join(dir, 'cache'),
    PATH: `${bin}:${process.env.PATH ?? ''}`,
  };
  const spawnKubectl = (a: string | readonly string[]): ChildProcess =>
    spawn('kubectl', split(a), { env, stdio: ['ignore', 'pipe', 'pipe'] });
  return {
    port,
    kubeconfig,
    get output() {
      return output;
    },
    spawnKubectl,
    kubectl(a, o = {}) {
      return new Promise((ok) => {
        const p = spawnKubectl(a);
        let stdout = '';
        let stderr = '';
        p.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
        p.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
        const timer = setTimeout(() => p.kill('SIGKILL'), o.timeoutMs ?? 20_000);
        p.once('close', (code) => {
          clearTimeout(timer);
          ok({ stdout, stderr, code });
        });
      });
    },
    stop() {
      return new Promise((ok) => {
        if (child.exitCode !== null) return ok(child.exitCode);
        child.once('exit', (code) => {
          process.off('exit', orphan);
          rmSync(dir, { recursive: true, force: true });
          rmSync(bin, { recursive: true, force: true });
          ok(code);
        });
        child.kill('SIGTERM');
      });
    },
  };
}

/**
 * Resolves early in a wall-clock second (its first 100 ms): with `--speed 0`, ages kubectl
 * computes on the client (describe) equal the simulation's when the command runs within the
 * second it started in (src/sim/apiserver/servedClock.ts).
 */
export async function earlyInWallSecond(): Promise<void> {
  const ms = Date.now() % 1000;
  if (ms < 100) return;
  await new Promise((r) => setTimeout(r, 1000 - ms + 5));
}
