/**
 * The API server's validation of the kinds we simulate, with its messages word for word: first
 * the decode into Go structs (decodeCheck.ts), then ValidateObjectMeta's name rule and the kind's
 * spec rules, or the admission webhook that validates a custom resource; on update, what the
 * kind's strategy forbids to change. Which rules a kind has is its entry in api/registry.ts;
 * the rules themselves are validateWorkloads.ts, validatePodSpec.ts, validateService.ts,
 * validateHpa.ts, validateIstio.ts and validateGateway.ts (Gateway API's HTTPRoute CRD schema).
 * See k8s-semantics.md §2.2.
 *
 * Objects are expected already defaulted (api/defaults.ts), as the server validates after
 * defaulting. Each function returns complete messages (`Deployment.apps "web" is invalid: ...`),
 * at most one per object, because the server reports all of an object's field errors at once.
 */
import type { KubeObject } from '../api/objects';
import { apiVersionOf, qualifiedKind } from '../api/kinds';
import { behaviourOf } from '../api/registry';
import type { FieldError } from './fieldError';
import { invalid, invalidMessage, required } from './fieldError';
import { isDNS1123Subdomain } from './nameRules';
import { decodeError } from './decodeCheck';
import { simulationLimitErrors } from './simulationLimits';

type Rec = Record<string, unknown>;

const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const rec = (v: unknown): Rec => (isRec(v) ? v : {});
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Create-time validation of one defaulted object; [] when the API server would accept it. */
export function validateObject(obj: KubeObject): string[] {
  const overLimit = simulationLimitErrors(obj); // valid for Kubernetes, too big to simulate
  if (overLimit.length) return overLimit;
  const kind = obj.kind;
  const rules = behaviourOf(kind)?.validation;
  if (!kind || !rules) return [];
  if ('webhook' in rules) return rules.webhook(obj);
  const version = (obj.apiVersion ?? apiVersionOf(kind)).split('/').pop() ?? 'v1';
  const decode = rules.decode && decodeError(obj, rules.decode, kind, version);
  if (decode) return [decode];
  const o = obj as unknown as Rec;
  const meta = rec(o.metadata);
  const name = str(meta.name);
  const errs = [
    // Service names are DNS-1035 labels; the other kinds take DNS-1123 subdomains.
    ...validateMetaName(meta.name, rules.name ?? isDNS1123Subdomain),
    ...rules.spec(rec(o.spec)),
  ];
  return errs.length ? [invalidMessage(qualifiedKind(kind), name, errs)] : [];
}

/**
 * What an update may not change, beyond `validateObject(newObj)`: the kind's strategy's
 * ValidateUpdate (for apps/v1 Deployments and ReplicaSets, the selector).
 */
export function validateUpdate(oldObj: KubeObject, newObj: KubeObject): string[] {
  const kind = newObj.kind;
  const rules = behaviourOf(kind)?.validation;
  if (!kind || !rules || !('update' in rules) || !rules.update) return [];
  const oldSpec = rec((oldObj as unknown as Rec).spec);
  const errs = rules.update(oldSpec, rec((newObj as unknown as Rec).spec));
  if (!errs.length) return [];
  return [invalidMessage(qualifiedKind(kind), str(rec(newObj.metadata).name), errs)];
}

/** ValidateObjectMeta's name checks. */
function validateMetaName(v: unknown, rule: (name: string) => string[]): FieldError[] {
  const name = str(v);
  if (name === '') return [required('metadata.name', 'name or generateName is required')];
  return rule(name).map((m) => invalid('metadata.name', name, m));
}
