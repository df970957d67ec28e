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
 */
import type { Document } from 'yaml';
import { parseAllDocuments } from 'yaml';
import type { KubeObject } from '../api/objects';
import { applyDefaults } from '../api/defaults';
import { acceptsManifest } from '../api/kinds';
import { goQuote } from './fieldError';
import type { Rec } from './specReader';
import { isRec } from './specReader';
import type { ParseResult, Scenario } from './scenario';
import { validateObject } from './validate';
import { resolveScenario, SCENARIO_API_VERSION, SCENARIO_KIND } from './resolveScenario';
import { inputLimitErrors } from './inputLimits';

/**
 * The documents a scenario file holds besides manifests, by `apiVersion kind`; the manifests'
 * kinds and versions are api/kinds.ts's (`fromManifests`).
 */
const ROLES: Record<string, 'list' | 'scenario'> = {
  'v1 List': 'list',
  [`${SCENARIO_API_VERSION} ${SCENARIO_KIND}`]: 'scenario',
};

const STOP_VALIDATE =
  'if you choose to ignore these errors, turn validation off with --validate=false';
const ONE_SCENARIO = `the file needs exactly one document with apiVersion: ${SCENARIO_API_VERSION} and kind: ${SCENARIO_KIND}`;

/** Parses and checks a whole scenario file. `fileName` appears in kubectl-style messages. */
export function parseScenario(text: string, fileName: string): ParseResult {
  const overLimits = inputLimitErrors(text, fileName); // hostile input stops here (inputLimits.ts)
  if (overLimits.length) return { ok: false, errors: overLimits, ignored: [], notes: [] };
  const errors: string[] = [];
  const manifests: KubeObject[] = [];
  const scenarios: Omit<Scenario, 'manifests'>[] = [];
  let scenarioDocs = 0;
  let brokenDocs = 0;
  const checkManifest = (value: unknown) => checkObject(value, fileName, false);

  const visit = (value: unknown): void => {
    const kindErrors = objectKindErrors(value);
    if (kindErrors.length) {
      errors.push(validatingError(fileName, kindErrors));
      return;
    }
    const obj = value as Rec;
    const role = ROLES[`${String(obj.apiVersion)} ${String(obj.kind)}`];
    if (role === 'list') {
      for (const item of Array.isArray(obj.items) ? obj.items : []) visit(item);
    } else if (role === 'scenario') {
      scenarioDocs++;
      const resolved = resolveScenario(obj, checkManifest);
      errors.push(...resolved.errors);
      if (resolved.scenario) scenarios.push(resolved.scenario);
    } else {
      const checked = checkObject(obj, fileName, true);
      errors.push(...checked.errors);
      if (checked.manifest) manifests.push(checked.manifest);
    }
  };

  for (const doc of parseAllDocuments(text, { merge: true })) {
    const parsed = toJS(doc, fileName);
    if ('error' in parsed) {
      brokenDocs++;
      errors.push(parsed.error);
    } else if (parsed.value !== null && parsed.value !== undefined) {
      visit(parsed.value); // empty documents (a stray `---`) are skipped, as kubectl skips them
    }
  }

  if (scenarioDocs > 1)
    errors.push(
      `error: error validating "${fileName}": found ${scenarioDocs} Scenario documents: ${ONE_SCENARIO}`,
    );
  // A file with a broken document may well have had its Scenario in it: that error says enough.
  if (scenarioDocs === 0 && brokenDocs === 0)
    errors.push(`error: error validating "${fileName}": no Scenario document: ${ONE_SCENARIO}`);
  const scenario = scenarios[0];
  const extras = { ignored: [], notes: [] };
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
