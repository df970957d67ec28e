/**
 * kubectl's genericDescriber (pkg/describe/describe.go), which `kubectl describe` uses for kinds
 * it has no describer of its own for — custom resources such as Argo's Rollout and
 * AnalysisRun or Istio's VirtualService: name, namespace, labels and annotations, then every
 * field of the object in sorted order with "smart" labels, then the events.
 */
import type { Event, KubeObject } from '../../api/objects';
import {
  LEVEL_0,
  PrefixWriter,
  printAnnotationsMultiline,
  printLabelsMultiline,
} from './describeText';
import { writeEvents } from './describeEvents';
import { asServed } from './served';

const SKIP = new Set([
  '.metadata.managedFields',
  '.metadata.name',
  '.metadata.namespace',
  '.metadata.labels',
  '.metadata.annotations',
]);
const ACRONYMS = new Set(['API', 'URL', 'UID', 'OSB', 'GUID']);

/**
 * fatih/camelcase.Split: runs of lower case, of upper case (the last upper letter of a run
 * starts the next word: "HPAReplicas" → HPA, Replicas), of digits, and of anything else.
 */
function camelSplit(s: string): string[] {
  const cls = (c: string) =>
    /[a-z]/.test(c) ? 'l' : /[A-Z]/.test(c) ? 'u' : /[0-9]/.test(c) ? 'd' : 'o';
  const runs: string[][] = [];
  let last = '';
  for (const c of s) {
    const k = cls(c);
    if (k === last) runs[runs.length - 1]?.push(c);
    else runs.push([c]);
    last = k;
  }
  for (let i = 0; i < runs.length - 1; i++) {
    const run = runs[i] ?? [];
    const next = runs[i + 1] ?? [];
    if (cls(run[0] ?? '') === 'u' && cls(next[0] ?? '') === 'l') {
      next.unshift(run.pop() ?? '');
    }
  }
  return runs.map((r) => r.join('')).filter((r) => r !== '');
}

/** smartLabelFor: "creationTimestamp" → "Creation Timestamp", "apiVersion" → "API Version". */
export function smartLabelFor(field: string): string {
  if ([...field].some((c) => !/\p{L}/u.test(c) && c !== '-')) return field;
  return camelSplit(field)
    .filter((p) => p !== '_')
    .map((p) =>
      // strings.Title upper-cases each word's first letter and leaves the rest: "HPA" stays.
      ACRONYMS.has(p.toUpperCase()) ? p.toUpperCase() : p.charAt(0).toUpperCase() + p.slice(1),
    )
    .join(' ');
}

/** Go's %v of a JSON scalar as the dynamic client decodes it. */
function scalar(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  return String(v);
}

function printContent(
  w: PrefixWriter,
  level: number,
  content: Record<string, unknown>,
  prefix: string,
): void {
  for (const field of Object.keys(content).sort()) {
    const value = content[field];
    const path = `${prefix}.${field}`;
    if (SKIP.has(path)) continue;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      printContent(w, level + 1, value as Record<string, unknown>, path);
    } else if (Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      for (const child of value) {
        if (child !== null && typeof child === 'object' && !Array.isArray(child))
          printContent(w, level + 1, child as Record<string, unknown>, path);
        else w.write(level + 1, `${scalar(child)}\n`);
      }
    } else w.write(level, `${smartLabelFor(field)}:\t${scalar(value)}\n`);
  }
}

export function describeGeneric(
  obj: KubeObject,
  events: readonly Event[] | null,
  nowMs: number,
): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${obj.metadata?.name ?? ''}\n`);
  // obj.GetNamespace(): empty for a cluster-scoped kind (GatewayClass).
  w.write(LEVEL_0, `Namespace:\t${obj.metadata?.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', obj.metadata?.labels);
  printAnnotationsMultiline(w, 'Annotations', obj.metadata?.annotations);
  printContent(w, LEVEL_0, asServed(obj) as unknown as Record<string, unknown>, '');
  writeEvents(w, events, nowMs);
  return w.text();
}
