/**
 * Label selectors as apimachinery evaluates them (pkg/labels, metav1.LabelSelectorAsSelector):
 * matchLabels are ANDed with matchExpressions; an empty selector matches everything; a nil one
 * nothing.
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';

export type Labels = Record<string, string> | undefined;

export function matchesSelector(
  selector: LabelSelector | undefined | null,
  labels: Labels,
): boolean {
  if (!selector) return false;
  const l = labels ?? {};
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) {
    if (l[k] !== v) return false;
  }
  for (const e of selector.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(l, e.key);
    const val = l[e.key];
    const values = e.values ?? [];
    switch (e.operator) {
      case 'In':
        if (!has || !values.includes(val as string)) return false;
        break;
      case 'NotIn':
        if (has && values.includes(val as string)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** A Service or ReplicationController selector: a plain map; empty or absent selects nothing. */
export function matchesMap(selector: Record<string, string> | undefined, labels: Labels): boolean {
  if (!selector) return false;
  const entries = Object.entries(selector);
  if (entries.length === 0) return false;
  const l = labels ?? {};
  return entries.every(([k, v]) => l[k] === v);
}

/** `app=web,tier!=db,env in (a,b)` as kubectl -l writes it, for printing (SELECTOR column). */
export function formatSelector(
  selector: LabelSelector | Record<string, string> | undefined,
): string {
  if (!selector) return '<none>';
  const isLabelSelector = 'matchLabels' in selector || 'matchExpressions' in selector;
  const ml = (isLabelSelector ? (selector as LabelSelector).matchLabels : selector) as
    Record<string, string> | undefined;
  const parts = Object.entries(ml ?? {})
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`);
  for (const e of isLabelSelector ? ((selector as LabelSelector).matchExpressions ?? []) : []) {
    const vals = [...(e.values ?? [])].sort().join(',');
    if (e.operator === 'In') parts.push(`${e.key} in (${vals})`);
    else if (e.operator === 'NotIn') parts.push(`${e.key} notin (${vals})`);
    else if (e.operator === 'Exists') parts.push(e.key);
    else parts.push(`!${e.key}`);
  }
  return parts.length ? parts.join(',') : '<none>';
}
