/**
 * Pod spec validation for the fields the simulator models, in the order and words of
 * pkg/apis/core/validation/validation.go (ValidatePodSpec → validateContainers →
 * validateContainerCommon, validateProbe, validateRestartPolicy). Runs on defaulted objects,
 * after the decode check, so field types are right where present.
 */
import type { FieldError } from './fieldError';
import { duplicate, forbidden, invalid, notSupported, required } from './fieldError';
import { isDNS1123Label, isValidPortName, isValidPortNum } from './nameRules';

type Rec = Record<string, unknown>;

const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const int = (v: unknown): number => (typeof v === 'number' ? v : 0);

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never']; // sets.List: sorted
const PORT_PROTOCOLS = ['SCTP', 'TCP', 'UDP']; // sets.List: sorted

/** ValidateNonnegativeField. */
export function nonNegative(v: unknown, path: string): FieldError[] {
  return typeof v === 'number' && v < 0
    ? [invalid(path, v, 'must be greater than or equal to 0')]
    : [];
}

/** ValidatePortNumOrName: an int must be a port number, a string a port name. */
export function portNumOrName(v: unknown, path: string): FieldError[] {
  if (typeof v === 'string') return isValidPortName(v).map((m) => invalid(path, v, m));
  const n = int(v);
  return isValidPortNum(n).map((m) => invalid(path, n, m));
}

/**
 * ValidatePodSpec for `spec` at `path` (`spec` for a Pod, `spec.template.spec` in a template).
 */
export function validatePodSpec(spec: Rec, path: string): FieldError[] {
  const errs = validateContainers(spec.containers, `${path}.containers`);
  const policy = str(spec.restartPolicy);
  if (policy === '') errs.push(required(`${path}.restartPolicy`));
  else if (!RESTART_POLICIES.includes(policy)) {
    errs.push(notSupported(`${path}.restartPolicy`, policy, RESTART_POLICIES));
  }
  return errs;
}

function validateContainers(list: unknown, path: string): FieldError[] {
  const containers = Array.isArray(list) ? list : [];
  if (containers.length === 0) return [required(path)];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  containers.forEach((c: unknown, i) => {
    const ctr = isRec(c) ? c : {};
    const p = `${path}[${i}]`;
    errs.push(...validateContainerCommon(ctr, p));
    const name = str(ctr.name);
    if (names.has(name)) errs.push(duplicate(`${p}.name`, name));
    else names.add(name);
    errs.push(...validateProbe(ctr.livenessProbe, `${p}.livenessProbe`, true));
    errs.push(...validateProbe(ctr.readinessProbe, `${p}.readinessProbe`, false));
    errs.push(...validateProbe(ctr.startupProbe, `${p}.startupProbe`, true));
  });
  return errs;
}

function validateContainerCommon(ctr: Rec, p: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = str(ctr.name);
  if (name === '') errs.push(required(`${p}.name`));
  else errs.push(...isDNS1123Label(name).map((m) => invalid(`${p}.name`, name, m)));
  // Only emptiness is checked: " " is a special token some tools put in templates.
  if (str(ctr.image) === '') errs.push(required(`${p}.image`));
  errs.push(...validateContainerPorts(ctr.ports, `${p}.ports`));
  const pull = str(ctr.imagePullPolicy);
  if (pull === '') errs.push(required(`${p}.imagePullPolicy`));
  else if (!PULL_POLICIES.includes(pull)) {
    errs.push(notSupported(`${p}.imagePullPolicy`, pull, PULL_POLICIES));
  }
  return errs;
}

function validateContainerPorts(list: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  (Array.isArray(list) ? list : []).forEach((port: unknown, i) => {
    const p = isRec(port) ? port : {};
    const at = `${path}[${i}]`;
    const name = str(p.name);
    if (name !== '') {
      const msgs = isValidPortName(name);
      if (msgs.length) errs.push(...msgs.map((m) => invalid(`${at}.name`, name, m)));
      else if (names.has(name)) errs.push(duplicate(`${at}.name`, name));
      else names.add(name);
    }
    const containerPort = int(p.containerPort);
    if (containerPort === 0) errs.push(required(`${at}.containerPort`));
    else
      errs.push(
        ...isValidPortNum(containerPort).map((m) =>
          invalid(`${at}.containerPort`, containerPort, m),
        ),
      );
    errs.push(...validateProtocol(p.protocol, `${at}.protocol`));
  });
  return errs;
}

export function validateProtocol(v: unknown, path: string): FieldError[] {
  const protocol = str(v);
  if (protocol === '') return [required(path)];
  return PORT_PROTOCOLS.includes(protocol) ? [] : [notSupported(path, protocol, PORT_PROTOCOLS)];
}

/**
 * validateProbe (+ the liveness/startup rule that successThreshold must be 1). A probe needs
 * exactly one handler; only httpGet and tcpSocket carry a port worth checking here.
 */
function validateProbe(v: unknown, path: string, mustSucceedOnce: boolean): FieldError[] {
  if (!isRec(v)) return [];
  const errs: FieldError[] = [];
  let handlers = 0;
  for (const kind of ['exec', 'httpGet', 'tcpSocket', 'grpc']) {
    const h = v[kind];
    if (h === undefined || h === null) continue;
    if (handlers > 0) {
      errs.push(forbidden(`${path}.${kind}`, 'may not specify more than 1 handler type'));
      continue;
    }
    handlers++;
    if ((kind === 'httpGet' || kind === 'tcpSocket') && isRec(h)) {
      errs.push(...portNumOrName(h.port, `${path}.${kind}.port`));
    }
  }
  if (handlers === 0) errs.push(required(path, 'must specify a handler type'));
  for (const f of [
    'initialDelaySeconds',
    'timeoutSeconds',
    'periodSeconds',
    'successThreshold',
    'failureThreshold',
  ]) {
    errs.push(...nonNegative(v[f], `${path}.${f}`));
  }
  if (mustSucceedOnce && int(v.successThreshold) !== 1) {
    errs.push(invalid(`${path}.successThreshold`, int(v.successThreshold), 'must be 1'));
  }
  return errs;
}
