/**
 * The objects a kubectl command names, as cli-runtime's resource builder visits them for the
 * verbs that act on each one (TYPE NAME, TYPE/NAME, TYPE -l selector, TYPE --all), with the
 * API server's answer for a type it does not serve or an object it does not have.
 */
import type { Kind, KubeObject } from '../api/objects';
import type { ResourceTarget } from './parse/command';
import { isReadOnly, isSimulated, KINDS } from '../api/kinds';
import { matchesSelector } from '../api/labels';
import { notFound } from './mutate';
import { listKind } from './listed';
import type { KubectlHost, KubectlResult } from './host';

export type Targets = { targets: ResourceTarget[]; selector?: unknown; all?: boolean };

export function fail(output: string): KubectlResult {
  return { output: output.endsWith('\n') ? output : `${output}\n`, exitCode: 1 };
}

export const kindOf = (o: KubeObject): Kind => o.kind as Kind;
export const nameOf = (o: KubeObject): string => o.metadata?.name ?? '';

/** What kubectl prints for a type the simulated API server does not serve (Node, Event). */
export function notServed(kind: ResourceTarget['kind']): string {
  return `error: the server doesn't have a resource type "${KINDS[kind].plural}"`;
}

/** Objects a command names: TYPE NAME, TYPE/NAME, TYPE -l selector, TYPE --all. */
export function resolve(
  host: KubectlHost,
  cmd: Targets,
): { objects: KubeObject[]; errors: string[] } {
  const objects: KubeObject[] = [];
  const errors: string[] = [];
  for (const t of cmd.targets) {
    const kind = t.kind as Kind;
    if (!isSimulated(t.kind)) {
      errors.push(notServed(t.kind));
      continue;
    }
    if (t.name !== undefined) {
      const o =
        t.kind === 'Namespace'
          ? listKind(host.ctx, 'Namespace').find((n) => n.metadata?.name === t.name)
          : host.ctx.store.get(kind, t.name);
      if (o) objects.push(o);
      else if (t.kind === 'Endpoints')
        // Endpoints are derived, never stored: the API server's NotFound names the resource.
        errors.push(`Error from server (NotFound): endpoints "${t.name}" not found`);
      else errors.push(notFound(kind, t.name).output.trimEnd());
    } else {
      const sel = cmd.selector as Parameters<typeof matchesSelector>[0] | undefined;
      objects.push(
        ...(t.kind === 'Namespace'
          ? listKind(host.ctx, 'Namespace')
          : host.ctx.store.list(kind)
        ).filter((o) => !sel || matchesSelector(sel, o.metadata?.labels)),
      );
    }
  }
  return { objects, errors };
}

/**
 * The API server's answer to a write on a kind served read-only (Node): the 405 of
 * apiserver/writeStatus.ts methodNotAllowed, as kubectl prints a Status.
 */
export const READ_ONLY_REFUSAL =
  'Error from server (MethodNotAllowed): the server does not allow this method on the requested resource';

/** Runs `fn` on each named object and joins the outputs; exit 1 if any failed. `fn` writes
 * unless `reads` is set: a kind served read-only then gets the server's refusal instead. */
export function each(
  host: KubectlHost,
  cmd: Targets,
  fn: (o: KubeObject) => KubectlResult,
  reads = false,
): KubectlResult {
  const { objects, errors } = resolve(host, cmd);
  let output = '';
  let exitCode = errors.length ? 1 : 0;
  for (const o of objects) {
    const r = !reads && isReadOnly(kindOf(o)) ? fail(READ_ONLY_REFUSAL) : fn(o);
    output += r.output;
    if (r.exitCode) exitCode = r.exitCode;
  }
  for (const e of errors) output += `${e}\n`;
  if (!objects.length && !errors.length) return fail('error: no objects passed to apply');
  return { output, exitCode };
}
