/**
 * The API server's defaulting for the kinds we simulate, applied before validation exactly as
 * the server does: the namespace of namespaced kinds (kinds.ts), then the kind's spec defaults
 * (its entry in registry.ts, implemented in defaultSpecs.ts).
 */
import type { KubeObject } from './objects';
import { NAMESPACE } from './objects';
import { kindFacts } from './kinds';
import { behaviourOf } from './registry';
import { child, setDefault } from './defaultSpecs';
import { clone } from '../core/clone';

export { pullPolicyFor } from './defaultSpecs';

/** A defaulted deep copy of `obj`. */
export function applyDefaults<T extends KubeObject>(obj: T): T {
  const out = clone(obj);
  const o = out as unknown as Record<string, unknown>;
  const meta = child(o, 'metadata');
  if (meta && kindFacts(String(o.kind))?.namespaced !== false)
    setDefault(meta, 'namespace', NAMESPACE);
  const defaults = behaviourOf(o.kind)?.defaults;
  if (!defaults) return out;
  // `spec` is a struct in each of these kinds, so the server defaults inside it even when absent.
  const spec = child(o, 'spec');
  if (spec) defaults(spec, o);
  return out;
}
