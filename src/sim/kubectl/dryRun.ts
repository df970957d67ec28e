/**
 * `--dry-run=client` and `--dry-run=server`: the command runs against a copy of the API
 * server's objects that nothing watches, so no controller wakes and the cluster never changes;
 * kubectl then words each result with the strategy (cmdutil.PrintFlagsWithDryRunStrategy:
 * "%s (dry run)" / "%s (server dry run)"; delete.go's PrintObj the same after "from default
 * namespace").
 */
import { ObjectStore } from '../api/objectStore';
import { EventRecorder } from '../api/eventRecorder';
import type { Ctx } from '../controllers/context';
import type { DryRun } from './parse/command';
import type { KubectlHost } from './host';

/** The host with a detached copy of the objects: writes land in the copy and go nowhere. */
export function dryRunHost<H extends KubectlHost>(host: H): H {
  const real = host.ctx;
  const store = new ObjectStore(real.now);
  // Stored objects are never mutated in place, so sharing them with the copy is safe.
  store.restore(real.store.snapshot());
  const ctx: Ctx = {
    ...real,
    store,
    events: new EventRecorder(real.now),
    enqueue: () => {},
    explain: () => {},
    kubeletTimer: () => {},
  };
  return { ...host, ctx };
}

/** kubectl's suffix for the strategy, or '' when the command really runs. */
export function dryRunSuffix(mode: DryRun): string {
  if (mode === 'client') return ' (dry run)';
  if (mode === 'server') return ' (server dry run)';
  return '';
}

/**
 * Adds the suffix to each result line (`deployment.apps/web scaled`, `pod "x" deleted from
 * default namespace`); errors, warnings, `-o name` lines and "No resources found" are printed
 * by other paths and stay as they are.
 */
export function markDryRun(output: string, mode: DryRun): string {
  const suffix = dryRunSuffix(mode);
  if (!suffix) return output;
  return output
    .split('\n')
    .map((line) =>
      line === '' ||
      !line.includes(' ') ||
      /^(error|Error from server|Warning|No resources found)/.test(line)
        ? line
        : `${line}${suffix}`,
    )
    .join('\n');
}
