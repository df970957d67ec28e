/**
 * `kubectl get` and `kubectl describe`: which objects each target names, then the table, the
 * serialized objects (`-o yaml|json`) or the describer's text, with the API server's errors
 * after them. Each kind's columns and describer are its entry in api/registry.ts.
 */
import { NAMESPACE, type EndpointSlice, type Kind } from '../api/objects';
import type { KubectlCommand } from './parse/command';
import { isSimulated, KINDS } from '../api/kinds';
import { REGISTRY } from '../api/registry';
import { matchesSelector } from '../api/labels';
import { notFound } from './mutate';
import { noResources, printGetList, type GetGroup } from './print/get';
import { endpointsFromSlices } from './print/endpoints';
import { describeEndpoints } from './print/describeEndpoints';
import { asServed } from './print/served';
import { goJson } from './print/goJson';
import { goYaml } from './print/goYaml';
import { printCustomColumns } from './print/customColumns';
import { eventsFor } from './eventObjects';
import { listKind } from './listed';
import { sortObjects } from './sortBy';
import { filterByFields } from './fieldSelector';
import { selectorString } from './print/selectors';
import { nameOf, notServed } from './targets';
import type { KubectlHost, KubectlResult } from './host';

export function runGet(
  host: KubectlHost,
  cmd: Extract<KubectlCommand, { verb: 'get' }>,
): KubectlResult {
  const ctx = host.ctx;
  const now = ctx.now();
  const groups: GetGroup[] = [];
  const errors: string[] = [];
  // What -o yaml|json|custom-columns print: the objects, Endpoints included (derived, not stored).
  const found: object[] = [];
  for (const t of cmd.targets) {
    if (!isSimulated(t.kind)) {
      errors.push(notServed(t.kind));
      continue;
    }
    // Endpoints are not stored: they are derived from the EndpointSlices the selector matches.
    const kind = t.kind === 'Endpoints' ? 'EndpointSlice' : (t.kind as Kind);
    let objs = listKind(ctx, kind);
    // Every object lives in default: another namespace (-n kube-system) holds none of a
    // namespaced kind. -A is left as it was.
    if (KINDS[t.kind].namespaced && !cmd.allNamespaces && cmd.namespace !== NAMESPACE) objs = [];
    if (cmd.selector) objs = objs.filter((o) => matchesSelector(cmd.selector, o.metadata?.labels));
    if (t.kind === 'Endpoints') {
      const eps = endpointsFromSlices(objs as EndpointSlice[]).filter(
        (e) => t.name === undefined || e.metadata?.name === t.name,
      );
      if (t.name !== undefined && !eps.length)
        errors.push(`Error from server (NotFound): endpoints "${t.name}" not found`);
      found.push(...eps);
      groups.push({ kind: 'Endpoints', objects: eps });
      continue;
    }
    if (t.name !== undefined) {
      objs = objs.filter((o) => o.metadata?.name === t.name);
      if (!objs.length && !cmd.ignoreNotFound) errors.push(notFound(kind, t.name).output.trimEnd());
    }
    if (cmd.fieldSelector !== undefined) {
      const f = filterByFields(
        kind,
        objs,
        cmd.fieldSelector,
        cmd.selector ? selectorString(cmd.selector) : '',
      );
      if ('error' in f) {
        errors.push(f.error);
        continue;
      }
      objs = f.matched;
    }
    if (cmd.sortBy !== undefined) {
      const sorted = sortObjects(objs, cmd.sortBy);
      if ('error' in sorted) return { output: `${sorted.error}\n`, exitCode: 1 };
      objs = sorted.sorted;
    }
    found.push(...objs);
    groups.push({ kind, objects: objs } as GetGroup);
  }
  let output: string;
  if (cmd.output === 'yaml' || cmd.output === 'json') {
    const doc =
      found.length === 1 && cmd.targets.length === 1 && cmd.targets[0]?.name
        ? found[0]
        : { apiVersion: 'v1', items: found, kind: 'List', metadata: { resourceVersion: '' } };
    const wire = asServed(doc);
    output = cmd.output === 'json' ? goJson(wire) : goYaml(wire);
  } else if (cmd.customColumns) {
    // get.go printGeneric: every object in one list, so one header line.
    output = printCustomColumns(cmd.customColumns, asServed(found), cmd.noHeaders);
  } else {
    output = printGetList(groups, now, {
      wide: cmd.output === 'wide',
      showLabels: cmd.showLabels,
      withKindPrefix: cmd.showKind,
      noHeaders: cmd.noHeaders,
      name: cmd.output === 'name',
      namespace: cmd.namespace,
    });
    if (errors.length && output === noResources({ namespace: cmd.namespace })) output = '';
  }
  for (const e of errors) output += `${e}\n`;
  return { output, exitCode: errors.length ? 1 : 0 };
}

/** `kubectl describe TYPE [NAME_PREFIX]`: an exact name, else every name it begins. */
export function runDescribe(
  host: KubectlHost,
  cmd: Extract<KubectlCommand, { verb: 'describe' }>,
): KubectlResult {
  const ctx = host.ctx;
  const now = ctx.now();
  const outputs: string[] = [];
  const errors: string[] = [];
  for (const t of cmd.targets) {
    if (t.kind === 'Endpoints') {
      // Derived from the EndpointSlices, as `get endpoints` lists them; kubectl's own describer.
      const eps = endpointsFromSlices(listKind(ctx, 'EndpointSlice') as EndpointSlice[]);
      const exact = eps.filter((e) => e.metadata?.name === t.name);
      const objs =
        t.name === undefined
          ? eps
          : exact.length
            ? exact
            : eps.filter((e) => e.metadata?.name?.startsWith(t.name ?? ''));
      if (t.name !== undefined && !objs.length)
        errors.push(`Error from server (NotFound): endpoints "${t.name}" not found`);
      for (const e of objs) {
        const events =
          (cmd.showEvents ?? true)
            ? eventsFor(ctx.events, 'Endpoints' as Kind, e.metadata?.name ?? '')
            : null;
        outputs.push(describeEndpoints(e, events, now));
      }
      continue;
    }
    const describer = isSimulated(t.kind) ? REGISTRY[t.kind].describe : null;
    if (!describer) {
      // Lower-cased kind + "s": the plural for Node and Event; "endpointss" for Endpoints, kept
      // byte-identical (kubectl itself describes Endpoints).
      errors.push(`error: the server doesn't have a resource type "${t.kind.toLowerCase()}s"`);
      continue;
    }
    const kind = t.kind as Kind;
    let objs = listKind(ctx, kind);
    // Every object lives in default: another namespace (-n kube-system) holds none of a
    // namespaced kind. -A is left as it was.
    if (KINDS[t.kind].namespaced && !cmd.allNamespaces && cmd.namespace !== NAMESPACE) objs = [];
    if (t.name !== undefined) {
      const exact = objs.filter((o) => o.metadata?.name === t.name);
      objs = exact.length ? exact : objs.filter((o) => o.metadata?.name?.startsWith(t.name ?? ''));
      if (!objs.length) errors.push(notFound(kind, t.name).output.trimEnd());
    } else if (cmd.selector)
      objs = objs.filter((o) => matchesSelector(cmd.selector, o.metadata?.labels));
    const showEvents = cmd.showEvents ?? true;
    for (const o of objs) {
      const events = showEvents ? eventsFor(ctx.events, kind, nameOf(o)) : null;
      outputs.push(describer(o as never, events, ctx.store, now));
    }
  }
  let output = outputs.join('\n\n');
  for (const e of errors) output += `${e}\n`;
  return { output, exitCode: errors.length ? 1 : 0 };
}
