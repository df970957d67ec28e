/**
 * Probe arithmetic and wording (pkg/kubelet/prober). A probe's outcome in the simulator is
 * "does the app accept connections now"; the failure text is what the kubelet's HTTP/TCP
 * prober reports for a refused connection.
 */
import type { Container, Pod, Probe } from '../../api/podShapes';

export type ProbeKind = 'readiness' | 'liveness' | 'startup';

export const PROBE_FIELD: Record<ProbeKind, 'readinessProbe' | 'livenessProbe' | 'startupProbe'> = {
  readiness: 'readinessProbe',
  liveness: 'livenessProbe',
  startup: 'startupProbe',
};

export interface ProbeTiming {
  initialDelayMs: number;
  periodMs: number;
  successThreshold: number;
  failureThreshold: number;
}

/** Defaults from the API (k8s-semantics.md §13.3). */
export function probeTiming(p: Probe): ProbeTiming {
  return {
    initialDelayMs: (p.initialDelaySeconds ?? 0) * 1000,
    periodMs: Math.max(1, p.periodSeconds ?? 10) * 1000,
    successThreshold: Math.max(1, p.successThreshold ?? 1),
    failureThreshold: Math.max(1, p.failureThreshold ?? 3),
  };
}

function resolvePort(c: Container, port: number | string | undefined): number | string {
  if (typeof port === 'number') return port;
  const named = c.ports?.find((p) => p.name === port);
  return named?.containerPort ?? port ?? 80;
}

/** What `kubectl describe pod` shows after "Readiness probe failed: ". */
export function probeFailureDetail(pod: Pod, c: Container, p: Probe): string {
  const ip = pod.status?.podIP ?? '';
  if (p.httpGet) {
    const port = resolvePort(c, p.httpGet.port);
    const scheme = (p.httpGet.scheme ?? 'HTTP').toLowerCase();
    const path = p.httpGet.path ?? '/';
    return `Get "${scheme}://${ip}:${port}${path}": dial tcp ${ip}:${port}: connect: connection refused`;
  }
  if (p.tcpSocket) {
    const port = resolvePort(c, p.tcpSocket.port);
    return `dial tcp ${ip}:${port}: connect: connection refused`;
  }
  if (p.grpc) {
    return `timeout: failed to connect service "${ip}:${p.grpc.port}" within 1s: context deadline exceeded`;
  }
  return `command ${JSON.stringify((p.exec?.command ?? []).join(' '))} exited with 1`;
}

/** The probe's handler as `kubectl describe` prints it (http-get http://:8080/ delay=0s ...). */
export function probeLabel(p: Probe): string {
  const t = probeTiming(p);
  let handler = 'exec';
  if (p.httpGet)
    handler = `http-get ${(p.httpGet.scheme ?? 'HTTP').toLowerCase()}://:${p.httpGet.port}${p.httpGet.path ?? '/'}`;
  else if (p.tcpSocket) handler = `tcp-socket :${p.tcpSocket.port}`;
  else if (p.exec) handler = `exec [${(p.exec.command ?? []).join(' ')}]`;
  return `${handler} delay=${t.initialDelayMs / 1000}s timeout=${p.timeoutSeconds ?? 1}s period=${t.periodMs / 1000}s #success=${t.successThreshold} #failure=${t.failureThreshold}`;
}
