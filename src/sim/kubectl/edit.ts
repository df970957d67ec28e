/**
 * `kubectl edit` (kubectl v1.32 pkg/cmd/util/editor/editoptions.go): the objects are fetched and
 * written to a file under kubectl's header; when the editor closes, the comment lines are
 * stripped, an unchanged file cancels the edit, and each changed object is sent as a patch of
 * the differences between what was opened and what was saved (so what the controllers changed
 * meanwhile is kept), printed `deployment.apps/web edited`.
 *
 * The in-app console has an editor (the Scenario YAML panel): `editView` opens it and
 * `saveEdit` applies the saved text. A scenario step or the runner has none: `runEdit` answers
 * as kubectl does where no editor can be launched (editor.go Launch: exec.ErrNotFound →
 * `unable to launch the editor "vi"`, vi being the default without $KUBE_EDITOR or $EDITOR).
 */
import { parse } from 'yaml';
import { inputLimitErrors } from '../scenario/inputLimits';
import type { Kind, KubeObject } from '../api/objects';
import type { KubectlCommand } from './parse/command';
import { resourceRef, kubectlInvalid } from '../api/resourceRef';
import { validateObject, validateUpdate } from '../scenario/validate';
import { clone, deepEqual } from '../core/clone';
import { mergePatch } from './patch';
import { asServed } from './print/served';
import { goJson } from './print/goJson';
import { goYaml } from './print/goYaml';
import { notFound } from './mutate';
import { fail, resolve } from './targets';
import type { KubectlHost, KubectlResult } from './host';

type EditCmd = Extract<KubectlCommand, { verb: 'edit' }>;

/** editHeader.writeTo for NormalEditMode, word for word. */
export const EDIT_HEADER =
  "# Please edit the object below. Lines beginning with a '#' will be ignored,\n" +
  '# and an empty file will abort the edit. If an error occurs while saving this file will be\n' +
  '# reopened with the relevant failures.\n' +
  '#\n';

const NO_CHANGES = 'Edit cancelled, no changes made.\n';
const EMPTY_FILE = 'Edit cancelled, saved file was empty.\n';

/** The objects the command names, or the API server's errors (kubectl prints them and stops). */
function targets(host: KubectlHost, cmd: EditCmd): { objects: KubeObject[] } | KubectlResult {
  const { objects, errors } = resolve(host, cmd);
  if (errors.length) return fail(errors.join('\n'));
  // editoptions.go: NormalEditMode with nothing visited.
  if (!objects.length) return fail('error: edit cancelled, no objects found');
  return { objects };
}

/** What kubectl writes to the file it opens: the header, then the object (a List for several). */
export function editView(host: KubectlHost, cmd: EditCmd): { text: string } | KubectlResult {
  const t = targets(host, cmd);
  if (!('objects' in t)) return t;
  const doc =
    t.objects.length === 1
      ? t.objects[0]
      : { apiVersion: 'v1', items: t.objects, kind: 'List', metadata: { resourceVersion: '' } };
  const wire = asServed(doc);
  const body = cmd.output === 'json' ? goJson(wire) : goYaml(wire);
  return { text: EDIT_HEADER + body };
}

/** `kubectl edit` where there is no editor to open (a scenario step, the runner). */
export function runEdit(host: KubectlHost, cmd: EditCmd): KubectlResult {
  const t = targets(host, cmd);
  if (!('objects' in t)) return t;
  return fail('error: unable to launch the editor "vi"');
}

/** cmdutil.StripComments: every line that begins with '#' goes. */
function stripComments(text: string): string {
  return text
    .split('\n')
    .filter((l) => !l.trimStart().startsWith('#'))
    .join('\n');
}

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/** jsonpatch.CreateMergePatch: what changed from `a` to `b` (removed keys as null). */
function mergePatchBetween(a: Json, b: Json): Json {
  const out: Json = {};
  for (const k of Object.keys(a)) if (!(k in b)) out[k] = null;
  for (const [k, v] of Object.entries(b)) {
    const before = a[k];
    if (deepEqual(before, v)) continue;
    out[k] = isObj(before) && isObj(v) ? mergePatchBetween(before, v) : v;
  }
  return out;
}

function objectsOf(doc: unknown): Json[] {
  if (isObj(doc) && doc.kind === 'List' && Array.isArray(doc.items)) return doc.items.filter(isObj);
  return isObj(doc) ? [doc] : [];
}

function sameObject(a: Json, b: Json): boolean {
  const name = (o: Json) => (isObj(o.metadata) ? o.metadata.name : undefined);
  return a.kind === b.kind && name(a) === name(b);
}

/** The edit loop's two ways out before anything is sent: an unchanged file, an empty one. */
export function cancelledEdit(original: string, edited: string): KubectlResult | null {
  const after = stripComments(edited);
  if (stripComments(original) === after) return { output: NO_CHANGES, exitCode: 0 };
  if (!after.trim()) return { output: EMPTY_FILE, exitCode: 0 };
  return null;
}

/**
 * The editor closed with `edited`, having opened `original`: cancel when nothing changed, else
 * patch each changed object as the edit loop does (visitToPatch).
 */
export function saveEdit(host: KubectlHost, original: string, edited: string): KubectlResult {
  const cancelled = cancelledEdit(original, edited);
  if (cancelled) return cancelled;
  // The saved file is the person's text: the importer's limits before it is parsed.
  const limits = inputLimitErrors(edited, 'edit.yaml');
  if (limits.length) return fail(limits.join('\n'));
  const before = stripComments(original);
  const after = stripComments(edited);
  let originals: Json[];
  let changed: Json[];
  try {
    originals = objectsOf(parse(before));
    changed = objectsOf(parse(after));
  } catch (e) {
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    return fail(`error: The edited file had a syntax error: ${why}`);
  }
  let output = '';
  let exitCode = 0;
  for (const next of changed) {
    const r = patchOne(host, originals, next);
    output += r.output;
    if (r.exitCode) exitCode = r.exitCode;
  }
  return { output, exitCode };
}

/**
 * The merge patches a save of `edited` (opened as `original`) sends, one per changed object:
 * what "Export scenario" writes as `kubectl patch … --type=merge` steps, which replay the edit.
 */
export function editPatches(
  original: string,
  edited: string,
): { kind: string; name: string; patch: Json }[] {
  if (cancelledEdit(original, edited)) return [];
  try {
    const originals = objectsOf(parse(stripComments(original)));
    return objectsOf(parse(stripComments(edited))).flatMap((next) => {
      const before = originals.find((o) => sameObject(o, next));
      if (!before || deepEqual(before, next)) return [];
      const patch = mergePatchBetween(before, next);
      delete patch.status;
      return [{ kind: String(next.kind), name: String((next.metadata as Json).name), patch }];
    });
  } catch {
    return [];
  }
}

function patchOne(host: KubectlHost, originals: Json[], edited: Json): KubectlResult {
  const original = originals.find((o) => sameObject(o, edited));
  // The preconditions kubectl puts on the patch: apiVersion, kind and name stay.
  if (!original || original.apiVersion !== edited.apiVersion)
    return fail('error: At least one of apiVersion, kind and name was changed');
  const kind = edited.kind as Kind;
  const name = String((edited.metadata as Json).name);
  const ref = resourceRef(kind, name);
  if (deepEqual(original, edited)) return { output: `${ref} skipped\n`, exitCode: 0 };
  const patch = mergePatchBetween(original, edited);
  // The main resource's endpoint ignores status (it has its own subresource).
  delete patch.status;
  const live = host.ctx.store.get(kind, name);
  if (!live) return notFound(kind, name);
  const next = mergePatch(live, patch, false) as KubeObject;
  const errors = [...validateObject(next), ...validateUpdate(live, next)];
  if (errors.length) return fail(kubectlInvalid(kind, name, errors));
  if (!deepEqual(live, next)) host.ctx.store.update(clone(next));
  return { output: `${ref} edited\n`, exitCode: 0 };
}
