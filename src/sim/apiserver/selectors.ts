/**
 * `labelSelector` and `fieldSelector` of a list or watch, applied as the API server's storage
 * predicate does (SelectionPredicate): labels by apimachinery's selector rules, fields by the
 * ones each kind registers (kubectl/fieldSelector.ts, metadata.name and the kind's own, such as
 * involvedObject.* for events, which `kubectl describe` asks for).
 */
import type { KubeObject } from '../api/objects';
import type { ResourceKind } from '../api/kinds';
import { matchesSelector } from '../api/labels';
import { parseSelector } from '../kubectl/parse/selector';
import { filterByFields } from '../kubectl/fieldSelector';
import { badRequest, type StatusBody } from './status';

export type Predicate = (obj: object) => boolean;

/** The predicate of a request's selectors, or the API server's BadRequest. */
export function predicateOf(
  kind: ResourceKind,
  query: Record<string, string>,
): Predicate | StatusBody {
  const ls = query.labelSelector ?? '';
  const fs = query.fieldSelector ?? '';
  let labels: Predicate = () => true;
  if (ls.trim() !== '') {
    const parsed = parseSelector(ls);
    if (!parsed.ok) return badRequest(parsed.error);
    const sel = parsed.selector;
    labels = (o) => matchesSelector(sel, (o as KubeObject).metadata?.labels);
  }
  let fields: Predicate = () => true;
  if (fs.trim() !== '') {
    const probe = filterByFields(kind, [], fs, ls);
    if ('error' in probe)
      return badRequest(probe.error.replace(/^Error from server \(BadRequest\): /, ''));
    fields = (o) => {
      const r = filterByFields(kind, [o as KubeObject], fs, ls);
      return 'matched' in r && r.matched.length === 1;
    };
  }
  return (o) => labels(o) && fields(o);
}
