/**
 * The EndpointSlice controller (staging/src/k8s.io/endpointslice, §14.1): one slice per 100
 * endpoints for each Service with a selector. An endpoint is listed when its pod has an IP and
 * is not terminal; ready = serving && !terminating.
 */
import type { EndpointSlice, Pod, Service } from '../api/objects';
import type { Ctx } from './context';
import { uniqueName } from './names';
import { matchesMap } from '../api/labels';
import { isReady, isTerminal } from '../api/podState';

const MAX_ENDPOINTS_PER_SLICE = 100;
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

/** Derived from stored (immutable) slices, so safe to keep across checkpoints. */
const signatures = new WeakMap<EndpointSlice, string>();

function endpointSignature(p: Pod, publishNotReady: boolean): string {
  return `${p.metadata?.uid}|${p.status?.podIP}|${isReady(p)}|${!!p.metadata?.deletionTimestamp}|${p.spec?.nodeName}|${publishNotReady}`;
}

function toEndpoint(p: Pod, publishNotReady: boolean) {
  const serving = isReady(p);
  const terminating = !!p.metadata?.deletionTimestamp;
  return {
    addresses: [p.status?.podIP ?? ''],
    conditions: { ready: publishNotReady || (serving && !terminating), serving, terminating },
    ...(p.spec?.nodeName ? { nodeName: p.spec.nodeName } : {}),
    targetRef: {
      kind: 'Pod',
      namespace: 'default',
      name: p.metadata?.name ?? '',
      uid: p.metadata?.uid ?? '',
    },
  };
}

export function syncEndpointSlices(ctx: Ctx, serviceName: string): void {
  const svc = ctx.store.get<Service>('Service', serviceName);
  const existing = ctx.store
    .list<EndpointSlice>('EndpointSlice')
    .filter((s) => s.metadata?.labels?.[SERVICE_NAME_LABEL] === serviceName);
  if (!svc || !svc.spec?.selector || Object.keys(svc.spec.selector).length === 0) {
    for (const s of existing) ctx.store.delete('EndpointSlice', s.metadata?.name ?? '');
    return;
  }
  const selector = svc.spec.selector;
  const publishNotReady = svc.spec.publishNotReadyAddresses === true;
  const pods = ctx.store
    .list<Pod>('Pod')
    .filter((p) => p.status?.podIP && !isTerminal(p) && matchesMap(selector, p.metadata?.labels));
  const ports = (svc.spec.ports ?? []).map((p) => ({
    name: p.name ?? '',
    port: typeof p.targetPort === 'number' ? p.targetPort : p.port,
    protocol: p.protocol ?? 'TCP',
  }));
  const portSig = JSON.stringify(ports);
  const chunkCount = Math.max(1, Math.ceil(pods.length / MAX_ENDPOINTS_PER_SLICE));
  for (let i = 0; i < chunkCount; i++) {
    const chunk = pods.slice(i * MAX_ENDPOINTS_PER_SLICE, (i + 1) * MAX_ENDPOINTS_PER_SLICE);
    const sig = portSig + chunk.map((p) => endpointSignature(p, publishNotReady)).join(';');
    const current = existing[i];
    // A slice is rewritten only when one of its endpoints changed (compared by signature).
    if (current && signatures.get(current) === sig) continue;
    const eps = chunk.map((p) => toEndpoint(p, publishNotReady));
    if (current) {
      signatures.set(ctx.store.update({ ...current, endpoints: eps, ports }), sig);
      continue;
    }
    const name = uniqueName(ctx, 'EndpointSlice', `${serviceName}-`);
    const created = ctx.store.create<EndpointSlice>({
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: {
        name,
        generateName: `${serviceName}-`,
        labels: {
          [SERVICE_NAME_LABEL]: serviceName,
          'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
        },
        ownerReferences: [
          {
            apiVersion: 'v1',
            kind: 'Service',
            name: serviceName,
            uid: svc.metadata?.uid ?? '',
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
      addressType: 'IPv4',
      endpoints: eps,
      ports,
    });
    signatures.set(created, sig);
  }
  const chunks = { length: chunkCount };
  for (const s of existing.slice(chunks.length))
    ctx.store.delete('EndpointSlice', s.metadata?.name ?? '');
}

/** Services whose selector matches these labels (to wake the controller on pod changes). */
export function servicesSelecting(ctx: Ctx, labels: Record<string, string> | undefined): string[] {
  return ctx.store
    .list<Service>('Service')
    .filter((s) => matchesMap(s.spec?.selector, labels))
    .map((s) => s.metadata?.name ?? '');
}
