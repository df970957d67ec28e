/**
 * What the API server says about an HTTPRoute (gateway.networking.k8s.io/v1): the CRD's OpenAPI
 * schema and its x-kubernetes-validations rules (kubernetes-sigs/gateway-api
 * config/crd/standard/gateway.networking.k8s.io_httproutes.yaml), in apiextensions-apiserver's
 * words — `<path> in body should be less than or equal to 1000000` for a bound, `Unsupported
 * value` for an enum, `Invalid value: "object": <message>` for a CEL rule on an object. Only the
 * fields the simulator routes by are checked: hostnames, backendRefs and their weights, path and
 * header matches. Objects arrive defaulted (gatewayDefaults.ts), as the server validates after
 * defaulting.
 */
import { invalid, notSupported, required, type FieldError } from './fieldError';

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** The CRD's Hostname pattern (RFC 1123 host, optionally with one leading `*.` label). */
const HOSTNAME = String.raw`^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$`;
const WEIGHT_MAX = 1_000_000;
const PATH_TYPES = ['Exact', 'PathPrefix', 'RegularExpression'];
const HEADER_TYPES = ['Exact', 'RegularExpression'];
/** HTTPPathMatch's CEL rules for Exact and PathPrefix, in the CRD's order. */
const PATH_RULES: [(v: string) => boolean, string][] = [
  [(v) => v.startsWith('/'), "value must be an absolute path and start with '/'"],
  [(v) => !v.includes('//'), "must not contain '//'"],
  [(v) => !v.includes('/./'), "must not contain '/./'"],
  [(v) => !v.includes('/../'), "must not contain '/../'"],
  [(v) => !v.includes('%2f'), "must not contain '%2f'"],
  [(v) => !v.includes('%2F'), "must not contain '%2F'"],
  [(v) => !v.includes('#'), "must not contain '#'"],
  [(v) => !v.endsWith('/..'), "must not end with '/..'"],
  [(v) => !v.endsWith('/.'), "must not end with '/.'"],
];
const WHEN = " when type one of ['Exact', 'PathPrefix']";

export function validateHttpRouteSpec(spec: Rec): FieldError[] {
  const errs: FieldError[] = [];
  list(spec.hostnames).forEach((h, i) => {
    const p = `spec.hostnames[${i}]`;
    if (typeof h === 'string' && !new RegExp(HOSTNAME).test(h))
      errs.push(invalid(p, h, `${p} in body should match '${HOSTNAME}'`));
  });
  list(spec.rules).forEach((rule, i) => {
    if (!isRec(rule)) return;
    const p = `spec.rules[${i}]`;
    list(rule.matches).forEach(
      (m, j) => isRec(m) && errs.push(...matchErrors(m, `${p}.matches[${j}]`)),
    );
    list(rule.backendRefs).forEach(
      (b, j) => isRec(b) && errs.push(...backendRefErrors(b, `${p}.backendRefs[${j}]`)),
    );
  });
  return errs;
}

function backendRefErrors(ref: Rec, p: string): FieldError[] {
  const errs: FieldError[] = [];
  if (typeof ref.name !== 'string' || ref.name === '') errs.push(required(`${p}.name`));
  const w = ref.weight;
  if (typeof w === 'number') {
    if (w < 0)
      errs.push(
        invalid(`${p}.weight`, w, `${p}.weight in body should be greater than or equal to 0`),
      );
    if (w > WEIGHT_MAX)
      errs.push(
        invalid(
          `${p}.weight`,
          w,
          `${p}.weight in body should be less than or equal to ${WEIGHT_MAX}`,
        ),
      );
  }
  // x-kubernetes-validations on BackendObjectReference.
  if ((ref.group ?? '') === '' && ref.kind === 'Service' && ref.port === undefined)
    errs.push(invalid(p, 'object', 'Must have port for Service reference'));
  return errs;
}

function matchErrors(m: Rec, p: string): FieldError[] {
  const errs: FieldError[] = [];
  if (isRec(m.path)) {
    const { type, value } = m.path;
    if (!PATH_TYPES.includes(String(type)))
      errs.push(notSupported(`${p}.path.type`, type, PATH_TYPES));
    if ((type === 'Exact' || type === 'PathPrefix') && typeof value === 'string') {
      for (const [ok, message] of PATH_RULES)
        if (!ok(value)) errs.push(invalid(`${p}.path`, 'object', message + WHEN));
    }
  }
  list(m.headers).forEach((h, k) => {
    if (!isRec(h)) return;
    const hp = `${p}.headers[${k}]`;
    if (typeof h.name !== 'string' || h.name === '') errs.push(required(`${hp}.name`));
    if (typeof h.value !== 'string') errs.push(required(`${hp}.value`));
    if (!HEADER_TYPES.includes(String(h.type)))
      errs.push(notSupported(`${hp}.type`, h.type, HEADER_TYPES));
  });
  return errs;
}

/** GatewayClass: `controllerName` is required (the only field the simulator reads is none). */
export function validateGatewayClassSpec(spec: Rec): FieldError[] {
  return typeof spec.controllerName === 'string' && spec.controllerName !== ''
    ? []
    : [required('spec.controllerName')];
}

/** Gateway: `gatewayClassName` and `listeners` are required; listeners are not simulated further. */
export function validateGatewaySpec(spec: Rec): FieldError[] {
  const errs: FieldError[] = [];
  if (typeof spec.gatewayClassName !== 'string' || spec.gatewayClassName === '')
    errs.push(required('spec.gatewayClassName'));
  if (!Array.isArray(spec.listeners)) errs.push(required('spec.listeners'));
  return errs;
}
