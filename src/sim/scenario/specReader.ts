/**
 * Typed reads of the Scenario document with errors worded as the API server words them for a
 * custom resource: structural-schema violations from kube-openapi
 * (`spec.seed in body must be of type integer: "string"`, `... should be greater than or equal
 * to 1`), turned into field errors by apiextensions-apiserver's ValidateCustomResource, and
 * unknown fields collected for a strict-decoding error. A Scenario is what a CRD with
 * `group: rolloutlab.dev` would be, so that is the voice it gets.
 */
import type { FieldError } from './fieldError';
import { invalid, notSupported, required, typeInvalid } from './fieldError';
import { parseCpu, parseDuration, parseMemory } from '../core/quantity';

export type Rec = Record<string, unknown>;

export const isRec = (v: unknown): v is Rec =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const absent = (v: unknown): v is undefined | null => v === undefined || v === null;

/** The OpenAPI type name kube-openapi reports for a decoded JSON value. */
function openApiType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'string') return 'string';
  return 'object';
}

/** resource.ErrFormatWrong, the text of a malformed quantity. */
const QUANTITY_FORMAT =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

export class SpecReader {
  readonly errors: FieldError[] = [];
  /** Paths of fields the schema does not know, in document order. */
  readonly unknown: string[] = [];

  /** A value of the wrong JSON type: `<path> in body must be of type <expected>: "<actual>"`. */
  wrongType(path: string, v: unknown, expected: string): undefined {
    const actual = openApiType(v);
    this.errors.push(
      typeInvalid(path, actual, `${path} in body must be of type ${expected}: "${actual}"`),
    );
    return undefined;
  }

  private min(path: string, v: number, shown: unknown, min: number, exclusive = false): boolean {
    if (exclusive ? v > min : v >= min) return true;
    const rel = exclusive ? 'greater than' : 'greater than or equal to';
    this.errors.push(invalid(path, shown, `${path} in body should be ${rel} ${min}`));
    return false;
  }

  /** An object with the listed fields; others are recorded as unknown. Absent → undefined. */
  object(path: string, v: unknown, known: readonly string[]): Rec | undefined {
    if (absent(v)) return undefined;
    if (!isRec(v)) return this.wrongType(path, v, 'object');
    for (const k of Object.keys(v)) if (!known.includes(k)) this.unknown.push(`${path}.${k}`);
    return v;
  }

  /** A map with free keys (`additionalProperties`). */
  map(path: string, v: unknown): Rec | undefined {
    if (absent(v)) return undefined;
    return isRec(v) ? v : this.wrongType(path, v, 'object');
  }

  array(path: string, v: unknown): unknown[] | undefined {
    if (absent(v)) return undefined;
    return Array.isArray(v) ? v : this.wrongType(path, v, 'array');
  }

  string(
    path: string,
    v: unknown,
    opts: { required?: boolean; minLength?: number } = {},
  ): string | undefined {
    if (absent(v)) {
      if (opts.required) this.errors.push(required(path));
      return undefined;
    }
    if (typeof v !== 'string') return this.wrongType(path, v, 'string');
    const minLength = opts.minLength ?? 0;
    if (v.length < minLength) {
      this.errors.push(
        invalid(path, v, `${path} in body should be at least ${minLength} chars long`),
      );
      return undefined;
    }
    return v;
  }

  enumString<T extends string>(path: string, v: unknown, values: readonly T[]): T | undefined {
    const s = this.string(path, v);
    if (s === undefined) return undefined;
    if ((values as readonly string[]).includes(s)) return s as T;
    this.errors.push(notSupported(path, s, values));
    return undefined;
  }

  boolean(path: string, v: unknown): boolean | undefined {
    if (absent(v)) return undefined;
    return typeof v === 'boolean' ? v : this.wrongType(path, v, 'boolean');
  }

  integer(path: string, v: unknown, opts: { min?: number } = {}): number | undefined {
    if (absent(v)) return undefined;
    if (typeof v !== 'number' || !Number.isInteger(v)) return this.wrongType(path, v, 'integer');
    return opts.min === undefined || this.min(path, v, v, opts.min) ? v : undefined;
  }

  number(path: string, v: unknown, opts: { min?: number; max?: number } = {}): number | undefined {
    if (absent(v)) return undefined;
    if (typeof v !== 'number') return this.wrongType(path, v, 'number');
    if (opts.min !== undefined && !this.min(path, v, v, opts.min)) return undefined;
    if (opts.max !== undefined && v > opts.max) {
      this.errors.push(
        invalid(path, v, `${path} in body should be less than or equal to ${opts.max}`),
      );
      return undefined;
    }
    return v;
  }

  /**
   * A Go-style duration string or a number of seconds → ms. A malformed string fails the
   * `format: duration` check; `positive` rejects 0.
   */
  duration(path: string, v: unknown, opts: { positive?: boolean } = {}): number | undefined {
    if (absent(v)) return undefined;
    if (typeof v !== 'string' && typeof v !== 'number') return this.wrongType(path, v, 'string');
    if (typeof v === 'number' && !this.min(path, v, v, 0)) return undefined;
    const ms = parseDuration(v);
    if (ms === undefined) {
      this.errors.push(
        typeInvalid(path, v, `${path} in body must be of type duration: ${JSON.stringify(v)}`),
      );
      return undefined;
    }
    if (opts.positive && !this.min(path, ms, v, 0, true)) return undefined;
    return ms;
  }

  /** A CPU quantity → millicores. */
  cpu(path: string, v: unknown): number | undefined {
    return this.quantity(path, v, parseCpu);
  }

  /** A memory quantity → bytes. */
  memory(path: string, v: unknown): number | undefined {
    return this.quantity(path, v, parseMemory);
  }

  private quantity(
    path: string,
    v: unknown,
    parse: (v: unknown) => number | undefined,
  ): number | undefined {
    if (absent(v)) return undefined;
    if (typeof v !== 'string' && typeof v !== 'number') return this.wrongType(path, v, 'string');
    const n = parse(v);
    if (n === undefined) this.errors.push(invalid(path, v, QUANTITY_FORMAT));
    return n;
  }
}
