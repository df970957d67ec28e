/**
 * The structural-schema defaults of Gateway API's HTTPRoute CRD (kubernetes-sigs/gateway-api
 * config/crd/standard/gateway.networking.k8s.io_httproutes.yaml `default:` values), which the
 * API server applies before validating and stores: a rule with no matches matches every path
 * (`PathPrefix /`), a header match is `Exact`, a backendRef is a core `Service` with weight 1,
 * a parentRef is a `Gateway`.
 */
import { child, setDefault } from './defaultSpecs';

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const recs = (v: unknown): Rec[] => (Array.isArray(v) ? v.filter(isRec) : []);
const unset = (v: unknown): boolean => v === undefined || v === null;

const matchAll = (): Rec => ({ path: { type: 'PathPrefix', value: '/' } });

export function defaultHttpRoute(spec: Rec): void {
  for (const p of recs(spec.parentRefs)) {
    setDefault(p, 'group', 'gateway.networking.k8s.io');
    setDefault(p, 'kind', 'Gateway');
  }
  if (unset(spec.rules)) spec.rules = [{ matches: [matchAll()] }];
  for (const rule of recs(spec.rules)) {
    if (unset(rule.matches)) rule.matches = [matchAll()];
    for (const m of recs(rule.matches)) {
      const path = child(m, 'path');
      if (path) {
        setDefault(path, 'type', 'PathPrefix');
        setDefault(path, 'value', '/');
      }
      for (const h of recs(m.headers)) setDefault(h, 'type', 'Exact');
    }
    for (const b of recs(rule.backendRefs)) {
      setDefault(b, 'group', '');
      setDefault(b, 'kind', 'Service');
      setDefault(b, 'weight', 1);
    }
  }
}
