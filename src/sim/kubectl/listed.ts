/**
 * The objects of a kind as the simulated API server lists them to kubectl: from the object
 * store, except Events, which the simulator keeps in its event recorder (what `kubectl
 * describe` shows under Events) and serves as core/v1 Events in the API server's name order.
 */
import type { Kind, KubeObject } from '../api/objects';
import type { Ctx } from '../controllers/context';
import { allEvents } from './eventObjects';

export function listKind(ctx: Ctx, kind: Kind): KubeObject[] {
  return kind === 'Event' ? allEvents(ctx.events) : ctx.store.list(kind);
}
