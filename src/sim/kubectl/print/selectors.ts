/**
 * Label and selector strings as apimachinery prints them: labels.FormatLabels for plain maps,
 * and metav1.LabelSelectorAsSelector(...).String() (requirements sorted by key) for
 * LabelSelectors.
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';

function byKey(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** labels.FormatLabels: `a=1,b=2` sorted by key, `<none>` when empty. */
export function formatLabels(labels: Record<string, string> | undefined | null): string {
  const keys = Object.keys(labels ?? {}).sort(byKey);
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${labels?.[k] ?? ''}`).join(',');
}

/** labels.Selector.String() of metav1.LabelSelectorAsSelector: '' for an empty selector. */
export function selectorString(selector: LabelSelector | undefined | null): string {
  if (!selector) return '';
  const reqs: { key: string; text: string }[] = [];
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) {
    reqs.push({ key: k, text: `${k}=${v}` });
  }
  for (const e of selector.matchExpressions ?? []) {
    const values = [...new Set(e.values ?? [])].sort(byKey).join(',');
    const text =
      e.operator === 'In'
        ? `${e.key} in (${values})`
        : e.operator === 'NotIn'
          ? `${e.key} notin (${values})`
          : e.operator === 'Exists'
            ? e.key
            : `!${e.key}`;
    reqs.push({ key: e.key, text });
  }
  // internalSelector sorts its requirements by key (sort.Sort(ByKey)).
  return reqs
    .sort((a, b) => byKey(a.key, b.key))
    .map((r) => r.text)
    .join(',');
}

/** metav1.FormatLabelSelector: like selectorString, `<none>` when empty. */
export function formatLabelSelector(selector: LabelSelector | undefined | null): string {
  const s = selectorString(selector);
  return s === '' ? '<none>' : s;
}
