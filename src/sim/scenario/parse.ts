/**
 * A scenario file (scenario-format.md §1) → the resolved Scenario, or every problem in it at
 * once, each worded as kubectl or the API server would word it for `kubectl apply -f <file>`:
 *
 * - YAML syntax: `error: error parsing <file>: error converting YAML to JSON: yaml: line N: ...`
 *   (kubectl's wording around the yaml library's message; N is the line in the whole file).
 * - missing apiVersion/kind: kubectl's client-side schema check (pkg/validation getObjectKind).
 * - a kind the cluster does not serve: kubectl's RESTMapper error.
 * - manifests: API-server defaulting, then validation (validate.ts).
 * - the one Scenario document: resolveScenario.ts.
 *
 * Manifests are returned as written: the engine applies them as `kubectl apply` does, and the
 * API server defaults them on the way in.
 *
 * Import (docs/scenario-format-extensions.md): kubectl Lists are opened, exports cleaned as
 * kubectl-neat does (neat.ts), objects owned by others in the file and Helm chart tests skipped,
 * kinds a cluster serves but the simulator does not model and unmodelled fields listed as
 * ignored (unmodelledKinds.ts, ignoredFields.ts), and a file with no Scenario document gets a
 * generated one (generatedScenario.ts).
 */
import type { Document } from 'yaml';
import { parseAllDocuments } from 'yaml';
import type { KubeObject } from '../api/objects';
import { applyDefaults } from '../api/defaults';
import { acceptsManifest } from '../api/kinds';
import { goQuote } from './fieldError';
import type { Rec } from './specReader';
import { isRec } from './specReader';
import type { ParseExtras, ParseResult, Scenario } from './scenario';
import { validateObject } from './validate';
import { resolveScenario, SCENARIO_API_VERSION, SCENARIO_KIND } from './resolveScenario';
import { generateScenario } from './generatedScenario';
import { ignoredFields } from './ignoredFields';
import { helmTestHook } from './helmHooks';
import { neat } from './neat';
import { ownersInFile } from './ownedObjects';
import { crdServed, unmodelledKind } from './unmodelledKinds';
import { inputLimitErrors } from './inputLimits';

const STOP_VALIDATE =
  'if you choose to ignore these errors, turn validation off with --validate=false';
const ONE_SCENARIO = `the file needs exactly one document with apiVersion: ${SCENARIO_API_VERSION} and kind: ${SCENARIO_KIND}`;

/** One object of the file: its YAML document, and its path there (`items[2]` in a List). */
interface Entry {
  doc: number;
  path: string;
  value: unknown;
}

/**
 * A list kubectl prints (`v1 List` from `kubectl get a,b -o yaml`) or the API serves
 * (`DeploymentList`, whose items carry no apiVersion or kind: the list's apply to them).
 */
function listItems(value: unknown): unknown[] | undefined {
  if (!isRec(value) || typeof value.kind !== 'string' || !Array.isArray(value.items)) return;
  if (value.kind === 'List' && value.apiVersion === 'v1') return value.items;
  if (!value.kind.endsWith('List') || value.kind === 'List') return;
  const kind = value.kind.slice(0, -'List'.length);
  return value.items.map((item) =>
    isRec(item) ? { apiVersion: value.apiVersion, kind, ...item } : item,
  );
}

/** The documents' objects in file order, with Lists opened. */
function entriesOf(values: { doc: number; value: unknown }[]): Entry[] {
  const out: Entry[] = [];
  const add = (doc: number, path: string, value: unknown) => {
    const items = listItems(value);
    if (items) items.forEach((item, i) => add(doc, `${path ? `${path}.` : ''}items[${i}]`, item));
    else out.push({ doc, path, value });
  };
  for (const { doc, value } of values) add(doc, '', value);
  return out;
}

const describe = (o: Rec): string =>
  `${String(o.kind)}/${isRec(o.metadata) ? String(o.metadata.name ?? '') : ''}`;

/** Parses and checks a whole scenario file. `fileName` appears in kubectl-style messages. */
export function parseScenario(text: string, fileName: string): ParseResult {
  const overLimits = inputLimitErrors(text, fileName); // hostile input stops here (inputLimits.ts)
  if (overLimits.length) return { ok: false, errors: overLimits, ignored: [], notes: [] };
  const errors: string[] = [];
  const manifests: KubeObject[] = [];
  const scenarios: Omit<Scenario, 'manifests'>[] = [];
  const extras: ParseExtras = { ignored: [], notes: [] };
  let scenarioDocs = 0;
  let brokenDocs = 0;
  const checkManifest = (value: unknown) => checkObject(value, fileName, false);

  const values: { doc: number; value: unknown }[] = [];
  parseAllDocuments(text, { merge: true }).forEach((doc, index) => {
    const parsed = toJS(doc, fileName);
    if ('error' in parsed) {
      brokenDocs++;
      errors.push(parsed.error);
    } else if (parsed.value !== null && parsed.value !== undefined) {
      // empty documents (a stray `---`, helm's comment-only ones) are skipped, as kubectl skips them
      values.push({ doc: index, value: parsed.value });
    }
  });
  const entries = entriesOf(values);
  const all = entries.map((e) => e.value);
  const ownerOf = ownersInFile(all);
  const crds = crdServed(all);
  const neatened = new Set<string>();
  let neatObjects = 0;

  for (const { doc, path, value } of entries) {
    const kindErrors = objectKindErrors(value);
    if (kindErrors.length) {
      errors.push(validatingError(fileName, kindErrors));
      continue;
    }
    const obj = value as Rec;
    const ignore = (what: string) => extras.ignored.push({ doc, path, what });
    if (obj.apiVersion === SCENARIO_API_VERSION && obj.kind === SCENARIO_KIND) {
      scenarioDocs++;
      const resolved = resolveScenario(obj, checkManifest);
      errors.push(...resolved.errors);
      if (resolved.scenario) scenarios.push(resolved.scenario);
      continue;
    }
    const owner = ownerOf(obj);
    if (owner) {
      // A ReplicaSet scaled to 0 is an old revision: history the new run does not have.
      const old = obj.kind === 'ReplicaSet' && isRec(obj.spec) && obj.spec.replicas === 0;
      ignore(
        old
          ? `${describe(obj)}: an old revision of ${owner} in this file; the run starts from its current template as revision 1`
          : `${describe(obj)}: owned by ${owner} in this file, whose controller creates it again`,
      );
      continue;
    }
    const why =
      helmTestHook(obj) ??
      (acceptsManifest(String(obj.apiVersion), String(obj.kind))
        ? undefined
        : unmodelledKind(obj, crds));
    if (why) {
      ignore(`${describe(obj)}: ${why}`);
      continue;
    }
    const clean = neat(obj);
    if (clean.dropped.length) {
      neatObjects++;
      for (const d of clean.dropped) neatened.add(d.replace(/\[\d+\]/g, '[*]'));
    }
    const checked = checkObject(clean.obj, fileName, true);
    errors.push(...checked.errors);
    if (checked.manifest) {
      manifests.push(checked.manifest);
      extras.ignored.push(...ignoredFields(clean.obj, doc, path));
    }
  }

  if (scenarioDocs > 1)
    errors.push(
      `error: error validating "${fileName}": found ${scenarioDocs} Scenario documents: ${ONE_SCENARIO}`,
    );
  if (neatObjects)
    extras.notes.push(
      `dropped what the cluster filled in from ${neatObjects} object${neatObjects === 1 ? '' : 's'}, ` +
        `as kubectl-neat does: ${[...neatened].join(', ')}`,
    );
  // kubectl's words for a file with no objects at all (kubectl/pkg/cmd/apply): nothing to run.
  if (entries.length === 0 && brokenDocs === 0) errors.push('error: no objects passed to apply');
  // A file with a broken document may well have had its Scenario in it: nothing is generated.
  if (scenarioDocs === 0 && brokenDocs === 0 && errors.length === 0) {
    const generated = generateScenario(manifests, fileName);
    extras.generatedScenario = generated.text;
    extras.notes.unshift(...generated.notes);
    const doc = parseAllDocuments(generated.text)[0]?.toJS() as Rec;
    const resolved = resolveScenario(doc, checkManifest);
    errors.push(...resolved.errors);
    if (resolved.scenario) scenarios.push(resolved.scenario);
  }
  const scenario = scenarios[0];
  if (errors.length || !scenario) return { ok: false, errors, ...extras };
  return { ok: true, scenario: { ...scenario, manifests }, ...extras };
}

/** One YAML document → plain data, or kubectl's conversion error with the first problem's line. */
function toJS(doc: Document.Parsed, fileName: string): { value: unknown } | { error: string } {
  const first = doc.errors[0];
  if (first) {
    const line = first.linePos?.[0].line ?? 1;
    // The yaml library appends " at line L, column C:" and a code excerpt; kubectl has the line up front.
    const message = first.message.replace(/ at line \d+, column \d+:[\s\S]*$/, '');
    return {
      error: `error: error parsing ${fileName}: error converting YAML to JSON: yaml: line ${line}: ${message}`,
    };
  }
  try {
    return { value: doc.toJS() };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return {
      error: `error: error parsing ${fileName}: error converting YAML to JSON: yaml: ${message}`,
    };
  }
}

/**
 * kubectl's getObjectKind (k8s.io/kubectl/pkg/validation/schema.go): what is wrong with a
 * document's apiVersion and kind, before anything is sent to the server.
 */
function objectKindErrors(value: unknown): string[] {
  if (!isRec(value)) return ['invalid object to validate'];
  const errs: string[] = [];
  const { apiVersion, kind } = value;
  if (apiVersion === undefined || apiVersion === null) errs.push('apiVersion not set');
  else if (typeof apiVersion !== 'string') errs.push("apiVersion isn't string type");
  else if (apiVersion.split('/').length > 2)
    errs.push(`unexpected GroupVersion string: ${apiVersion}`);
  if (kind === undefined || kind === null) errs.push('kind not set');
  else if (typeof kind !== 'string') errs.push("kind isn't string type");
  return errs;
}

/** `error validating data: <aggregate>; if you choose to ignore these errors, ...` */
function validatingError(fileName: string, errs: string[]): string {
  const detail = errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`;
  return `error: error validating "${fileName}": error validating data: ${detail}; ${STOP_VALIDATE}`;
}

/**
 * A Kubernetes manifest: served kind, then defaulted and validated as the API server would.
 * `topLevel` manifests have had their apiVersion/kind checked already; inline `apply` ones have not.
 */
function checkObject(
  value: unknown,
  fileName: string,
  topLevel: boolean,
): { manifest?: KubeObject; errors: string[] } {
  if (!topLevel) {
    const kindErrors = objectKindErrors(value);
    if (kindErrors.length) return { errors: [validatingError(fileName, kindErrors)] };
  }
  const obj = value as Rec;
  const apiVersion = String(obj.apiVersion);
  const kind = String(obj.kind);
  if (!acceptsManifest(apiVersion, kind)) {
    const meta = isRec(obj.metadata) ? obj.metadata : {};
    const name = typeof meta.name === 'string' ? meta.name : '';
    const namespace = typeof meta.namespace === 'string' ? meta.namespace : '';
    return {
      errors: [
        `error: resource mapping not found for name: ${goQuote(name)} namespace: ${goQuote(namespace)} ` +
          `from ${goQuote(fileName)}: no matches for kind ${goQuote(kind)} in version ${goQuote(apiVersion)}\n` +
          'ensure CRDs are installed first',
      ],
    };
  }
  const manifest = obj as unknown as KubeObject;
  const errors = validateObject(applyDefaults(manifest));
  return errors.length ? { errors } : { manifest, errors: [] };
}
