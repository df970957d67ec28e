/**
 * Field-level validation errors and their text, as apimachinery renders them
 * (k8s.io/apimachinery/pkg/util/validation/field/errors.go, `Error.Error()` and `ErrorBody()`),
 * and the API server's one-line Invalid message (`errors.NewInvalid` + `ErrorList.ToAggregate`).
 *
 * Bad values render the way current Kubernetes does (since kubernetes/kubernetes#132314, v1.34):
 * ints, floats and bools bare, strings Go-quoted, anything composite as JSON. Validation runs on
 * the API server's internal types, so a few composite values carry Go field names
 * (`{"Type":"Foo","RollingUpdate":null}`); callers build those shapes explicitly.
 */

export type FieldErrorType =
  'Required' | 'Invalid' | 'TypeInvalid' | 'NotSupported' | 'Forbidden' | 'Duplicate';

export interface FieldError {
  type: FieldErrorType;
  /** Field path as field.Path prints it: `spec.template.spec.containers[0].image`. */
  field: string;
  value?: unknown;
  detail: string;
}

const TYPE_TEXT: Record<FieldErrorType, string> = {
  Required: 'Required value',
  Invalid: 'Invalid value',
  TypeInvalid: 'Invalid value',
  NotSupported: 'Unsupported value',
  Forbidden: 'Forbidden',
  Duplicate: 'Duplicate value',
};

export function required(field: string, detail = ''): FieldError {
  return { type: 'Required', field, detail };
}

export function invalid(field: string, value: unknown, detail: string): FieldError {
  return { type: 'Invalid', field, value, detail };
}

export function typeInvalid(field: string, value: unknown, detail: string): FieldError {
  return { type: 'TypeInvalid', field, value, detail };
}

/** field.NotSupported: `supported values: "a", "b"` in the order given. */
export function notSupported(field: string, value: unknown, valid: readonly string[]): FieldError {
  const detail = valid.length ? `supported values: ${valid.map(goQuote).join(', ')}` : '';
  return { type: 'NotSupported', field, value, detail };
}

export function forbidden(field: string, detail: string): FieldError {
  return { type: 'Forbidden', field, detail };
}

export function duplicate(field: string, value: unknown): FieldError {
  return { type: 'Duplicate', field, value, detail: '' };
}

/** `Error.Error()`: `<field>: <type>[: <value>][: <detail>]`. Required/Forbidden omit the value. */
export function formatFieldError(e: FieldError): string {
  let body = TYPE_TEXT[e.type];
  if (e.type !== 'Required' && e.type !== 'Forbidden') body += `: ${renderValue(e.value)}`;
  if (e.detail) body += `: ${e.detail}`;
  return `${e.field}: ${body}`;
}

/**
 * `ToAggregate().Error()`: duplicates dropped, one error bare, several as `[a, b]`
 * (k8s.io/apimachinery/pkg/util/errors aggregate.Error).
 */
export function aggregate(errs: readonly FieldError[]): string {
  const msgs = [...new Set(errs.map(formatFieldError))];
  return msgs.length === 1 ? (msgs[0] ?? '') : `[${msgs.join(', ')}]`;
}

/** errors.NewInvalid's message: `Deployment.apps "web" is invalid: <aggregate>`. */
export function invalidMessage(
  qualifiedKind: string,
  name: string,
  errs: readonly FieldError[],
): string {
  return `${qualifiedKind} ${goQuote(name)} is invalid: ${aggregate(errs)}`;
}

/** How `ErrorBody` prints a bad value. */
export function renderValue(v: unknown): string {
  if (v === undefined || v === null) return 'null';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : goFloat(v);
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return goQuote(v);
  return goJson(v);
}

/** Go's strconv.Quote for the characters manifests realistically hold. */
export function goQuote(s: string): string {
  return JSON.stringify(s)
    .replace(/\\u0007/g, '\\a')
    .replace(/\\u000b/g, '\\v')
    .replace(/\\u00([01][0-9a-f])/g, '\\x$1')
    .replace(/\u007f/g, '\\x7f');
}

/** encoding/json output: no spaces, and `<`, `>`, `&` escaped as Go's HTML-safe encoder does. */
export function goJson(v: unknown): string {
  return (JSON.stringify(v) ?? 'null')
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026');
}

/** A map as encoding/json writes it: keys sorted. */
export function sortedMap<T>(m: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k of Object.keys(m).sort()) out[k] = m[k] as T;
  return out;
}

/**
 * fmt's %v of a float64: strconv 'g' with the shortest digits, which switches to exponent form
 * when the exponent is < -4 or >= 6 ("if precision was the shortest possible, use precision 6
 * for this decision", strconv/ftoa.go) and writes at least two exponent digits (`1.5e+06`).
 */
function goFloat(v: number): string {
  if (!Number.isFinite(v)) return v > 0 ? '+Inf' : v < 0 ? '-Inf' : 'NaN';
  const [mantissa = '', expText = '0'] = v.toExponential().split('e');
  const exp = Number(expText);
  if (exp < -4 || exp >= 6) {
    const sign = exp < 0 ? '-' : '+';
    const digits = String(Math.abs(exp)).padStart(2, '0');
    return `${mantissa}e${sign}${digits}`;
  }
  return String(v);
}
