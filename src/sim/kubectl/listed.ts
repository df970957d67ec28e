/**
 * The objects of a kind as the simulated API server lists them to kubectl: from the object
 * store, except Events, which the simulator keeps in its event recorder (what `kubectl
 * describe` shows under Events) and serves as core/v1 Events in the API server's name order.
 * Every kind is listed by name, as the API server lists.
 */
import type { Kind, KubeObject } from '../api/objects';
import type { Ctx } from '../controllers/context';
import { allEvents } from './eventObjects';
import { namespaceObjects } from '../api/namespaces';

export function listKind(ctx: Ctx, kind: Kind | 'Namespace'): KubeObject[] {
  if (kind === 'Event') return allEvents(ctx.events);
  // Fixed, never stored (api/namespaces.ts); typed as the objects kubectl lists.
  if (kind === 'Namespace') return namespaceObjects() as unknown as KubeObject[];
  // The API server lists in etcd's key order: by name within a namespace (byte order).
  return ctx.store.list(kind).sort((a, b) => {
    const x = a.metadata?.name ?? '';
    const y = b.metadata?.name ?? '';
    return x < y ? -1 : x > y ? 1 : 0;
  });
}
