/**
 * The editor's completion data: for each kind the simulator models (`apiVersion kind`), the
 * fields it reads (modelledFields.ts). Plain data, so it crosses the worker boundary; a wholly
 * modelled subtree (`true`) has no fields of its own here and the editor fills it from its
 * own knowledge of the API's shapes.
 */
import { apiVersionOf, kindFacts, type ResourceKind } from '../api/kinds';
import { MODELLED_FIELDS, type FieldTree } from './modelledFields';

export interface SchemaNode {
  fields?: Record<string, SchemaNode>;
  items?: SchemaNode;
}

function nodeOf(tree: FieldTree): SchemaNode {
  if (tree === true) return {};
  return { fields: Object.fromEntries(Object.entries(tree).map(([k, v]) => [k, nodeOf(v)])) };
}

export function editorSchema(): Record<string, SchemaNode> {
  const out: Record<string, SchemaNode> = {};
  for (const [kind, tree] of Object.entries(MODELLED_FIELDS)) {
    if (!kindFacts(kind)) continue;
    out[`${apiVersionOf(kind as ResourceKind)} ${kind}`] = nodeOf(tree);
  }
  return out;
}
