/**
 * The completion schema: the simulator's modelled fields (from the worker) laid over the
 * editor's own shapes (baseSchema.ts). A field the simulator does not model is not offered;
 * where the simulator models a whole subtree, or a whole kind it has no tree for (the Scenario
 * document), the editor's own shapes give the keys below it and which fields are lists.
 */
import type { EditorSchema, SchemaNode } from './schema';

function merge(sim: SchemaNode | undefined, base: SchemaNode | undefined): SchemaNode {
  if (!sim) return base ?? {};
  if (!sim.fields) return base ?? sim;
  // The simulator's trees see through lists; the editor's say where a list is.
  if (base?.items) return { items: merge(sim, base.items) };
  const fields: Record<string, SchemaNode> = {};
  for (const [k, v] of Object.entries(sim.fields)) fields[k] = merge(v, base?.fields?.[k]);
  return { fields };
}

export function mergeSchema(modelled: EditorSchema, base: EditorSchema): EditorSchema {
  const out: EditorSchema = { ...base };
  for (const [key, node] of Object.entries(modelled)) out[key] = merge(node, base[key]);
  return out;
}
