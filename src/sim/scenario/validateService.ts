/**
 * ValidateService's spec rules for what the simulator models (pkg/apis/core/validation/validation.go:
 * ports, validateServicePort, session affinity, type).
 */
import type { FieldError } from './fieldError';
import { duplicate, invalid, notSupported, required } from './fieldError';
import { isDNS1123Label, isValidPortNum } from './nameRules';
import { portNumOrName, validateProtocol } from './validatePodSpec';

type Rec = Record<string, unknown>;

const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

const SESSION_AFFINITIES = ['ClientIP', 'None']; // sets.List: sorted
const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort']; // sorted
/** core.MaxClientIPServiceAffinitySeconds (one day). */
const MAX_AFFINITY_SECONDS = 86400;

export function validateServiceSpec(spec: Rec): FieldError[] {
  const errs: FieldError[] = [];
  const ports = Array.isArray(spec.ports) ? spec.ports : [];
  const headless = spec.clusterIP === 'None';
  if (ports.length === 0 && !headless && spec.type !== 'ExternalName')
    errs.push(required('spec.ports'));
  const names = new Set<string>();
  ports.forEach((p: unknown, i) => {
    errs.push(
      ...validateServicePort(isRec(p) ? p : {}, ports.length > 1, names, `spec.ports[${i}]`),
    );
  });
  const affinity = str(spec.sessionAffinity);
  if (affinity === '') errs.push(required('spec.sessionAffinity'));
  else if (!SESSION_AFFINITIES.includes(affinity)) {
    errs.push(notSupported('spec.sessionAffinity', affinity, SESSION_AFFINITIES));
  }
  if (affinity === 'ClientIP') errs.push(...validateClientIPConfig(spec.sessionAffinityConfig));
  const type = str(spec.type);
  if (type === '') errs.push(required('spec.type'));
  else if (!SERVICE_TYPES.includes(type)) errs.push(notSupported('spec.type', type, SERVICE_TYPES));
  return errs;
}

function validateServicePort(
  p: Rec,
  requireName: boolean,
  names: Set<string>,
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  const name = str(p.name);
  if (requireName && name === '') errs.push(required(`${path}.name`));
  else if (name !== '') {
    errs.push(...isDNS1123Label(name).map((m) => invalid(`${path}.name`, name, m)));
    if (names.has(name)) errs.push(duplicate(`${path}.name`, name));
    else names.add(name);
  }
  const port = typeof p.port === 'number' ? p.port : 0;
  errs.push(...isValidPortNum(port).map((m) => invalid(`${path}.port`, port, m)));
  errs.push(...validateProtocol(p.protocol, `${path}.protocol`));
  errs.push(...portNumOrName(p.targetPort, `${path}.targetPort`));
  return errs;
}

/** validateClientIPAffinityConfig + validateAffinityTimeout (the "less than" wording is theirs). */
function validateClientIPConfig(v: unknown): FieldError[] {
  const path = 'spec.sessionAffinityConfig';
  const when = 'when session affinity type is ClientIP';
  if (!isRec(v)) return [required(path, when)];
  if (!isRec(v.clientIP)) return [required(`${path}.clientIP`, when)];
  const timeout = v.clientIP.timeoutSeconds;
  if (typeof timeout !== 'number') return [required(`${path}.clientIP.timeoutSeconds`, when)];
  return timeout <= 0 || timeout > MAX_AFFINITY_SECONDS
    ? [
        invalid(
          `${path}.clientIP.timeoutSeconds`,
          timeout,
          `must be greater than 0 and less than ${MAX_AFFINITY_SECONDS}`,
        ),
      ]
    : [];
}
