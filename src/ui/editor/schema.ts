/**
 * The shape completion reads: for each `apiVersion kind` the simulator serves, the fields it
 * models. Data, not code: the simulator's own tree of modelled fields is handed in where the
 * editor is mounted (baseSchema.ts is what the editor has until then).
 */
export interface SchemaNode {
  /** The keys of a mapping, each with its own node. */
  fields?: Record<string, SchemaNode>;
  /** The node of every item of a list. */
  items?: SchemaNode;
}

/** Keyed `apiVersion kind`, e.g. `apps/v1 Deployment`. */
export type EditorSchema = Record<string, SchemaNode>;

/** `apps/v1 Deployment` → { apiVersion: 'apps/v1', kind: 'Deployment' }. */
export function splitKey(key: string): { apiVersion: string; kind: string } {
  const at = key.lastIndexOf(' ');
  return { apiVersion: key.slice(0, at), kind: key.slice(at + 1) };
}
