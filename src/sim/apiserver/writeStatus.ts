/**
 * The API server's errors as `Status` objects, worded as k8s.io/apimachinery/pkg/api/errors
 * words them (NewNotFound, NewAlreadyExists, NewConflict, NewBadRequest, NewInvalid,
 * NewUnsupportedMediaType…), and the Success status a delete answers with
 * (registry/generic/registry/store.go finalizeDelete).
 */
import type { ResourceKind } from '../api/kinds';
import { KINDS } from '../api/kinds';
import { splitCauses } from '../scenario/locate';

export interface StatusCause {
  reason: string;
  message: string;
  field: string;
}

export interface StatusBody {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure' | 'Success';
  message?: string;
  reason?: string;
  details?: {
    name?: string;
    group?: string;
    kind?: string;
    uid?: string;
    causes?: StatusCause[];
  };
  /** Left out of a Success status (finalizeDelete sets no code: omitempty). */
  code?: number;
}

/** The `Status` of an answer: its HTTP code and body. */
export interface StatusAnswer {
  code: number;
  body: StatusBody;
}

function failure(
  code: number,
  reason: string | undefined,
  message: string,
  details?: StatusBody['details'],
): StatusAnswer {
  const body: StatusBody = {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    ...(reason ? { reason } : {}),
    ...(details ? { details } : {}),
    code,
  };
  return { code, body };
}

/** `deployments.apps`, `pods`: the group resource of messages. */
function groupResource(kind: ResourceKind): string {
  const { group, plural } = KINDS[kind];
  return group ? `${plural}.${group}` : plural;
}

/** StatusDetails of a resource: the group is left out for the core group (omitempty). */
function resourceDetails(kind: ResourceKind, name: string): NonNullable<StatusBody['details']> {
  const { group, plural } = KINDS[kind];
  return { name, ...(group ? { group } : {}), kind: plural };
}

export function notFound(kind: ResourceKind, name: string): StatusAnswer {
  return failure(
    404,
    'NotFound',
    `${groupResource(kind)} "${name}" not found`,
    resourceDetails(kind, name),
  );
}

export function alreadyExists(kind: ResourceKind, name: string): StatusAnswer {
  return failure(
    409,
    'AlreadyExists',
    `${groupResource(kind)} "${name}" already exists`,
    resourceDetails(kind, name),
  );
}

/** The optimistic-concurrency conflict (registry/generic/registry/store.go OptimisticLock). */
export function conflict(kind: ResourceKind, name: string): StatusAnswer {
  return failure(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${groupResource(kind)} "${name}": the object has been ` +
      'modified; please apply your changes to the latest version and try again',
    resourceDetails(kind, name),
  );
}

export function badRequest(message: string): StatusAnswer {
  return failure(400, 'BadRequest', message);
}

/** A patch type the resource does not take (handlers/patch.go): 415, accepted types listed. */
export function unsupportedMediaType(accepted: readonly string[]): StatusAnswer {
  return failure(
    415,
    'UnsupportedMediaType',
    `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`,
  );
}

export function methodNotAllowed(
  kind: ResourceKind | undefined,
  name: string | undefined,
): StatusAnswer {
  return failure(
    405,
    'MethodNotAllowed',
    'the server does not allow this method on the requested resource',
    { ...(name ? { name } : {}), ...(kind ? { kind: KINDS[kind].plural } : {}) },
  );
}

/** The reason each field.ErrorType carries in a cause (field/errors.go ErrorType.String). */
const CAUSE_REASONS: [RegExp, string][] = [
  [/^Required value/, 'FieldValueRequired'],
  [/^Unsupported value/, 'FieldValueNotSupported'],
  [/^Forbidden/, 'FieldValueForbidden'],
  [/^Duplicate value/, 'FieldValueDuplicate'],
  [/^Too long/, 'FieldValueTooLong'],
  [/^Too many/, 'FieldValueTooMany'],
  [/^Not found/, 'FieldValueNotFound'],
  [/^Invalid value/, 'FieldValueInvalid'],
];

/** One cause of an Invalid status from a field error's text (`spec.replicas: Invalid value: …`). */
function causeOf(text: string): StatusCause {
  const m = /^([^\s:]+): (.*)$/s.exec(text);
  if (!m) return { reason: 'FieldValueInvalid', message: text, field: '' };
  const message = m[2] ?? '';
  const reason = CAUSE_REASONS.find(([re]) => re.test(message))?.[1] ?? 'FieldValueInvalid';
  return { reason, message, field: m[1] ?? '' };
}

/**
 * NewInvalid from the simulator's validation messages (`Deployment.apps "web" is invalid: …`,
 * validate.ts): 422 with one cause per field error, as kubectl prints them back.
 */
export function invalid(
  kind: ResourceKind,
  name: string,
  messages: readonly string[],
): StatusAnswer {
  const { group } = KINDS[kind];
  const qualified = group ? `${kind}.${group}` : kind;
  const causes: StatusCause[] = [];
  for (const msg of messages) {
    const m = /^[A-Za-z0-9.]+ "[^"]*" is invalid: (.*)$/s.exec(msg);
    const body = m ? (m[1] ?? '') : msg;
    for (const c of splitCauses(body)) causes.push(causeOf(c));
  }
  const texts = causes.map((c) => (c.field ? `${c.field}: ${c.message}` : c.message));
  const aggregate = texts.length === 1 ? texts[0] : `[${texts.join(', ')}]`;
  return failure(422, 'Invalid', `${qualified} "${name}" is invalid: ${aggregate}`, {
    name,
    ...(group ? { group } : {}),
    kind,
    causes,
  });
}

/** The Success status of a delete that removed the object at once (ReturnDeletedObject false). */
export function deleted(kind: ResourceKind, name: string, uid: string | undefined): StatusAnswer {
  const body: StatusBody = {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Success',
    details: { ...resourceDetails(kind, name), ...(uid ? { uid } : {}) },
  };
  return { code: 200, body };
}

/**
 * An admission webhook's denial (a custom resource's validating webhook, validate.ts): the
 * webhook's message with no reason, so kubectl prints `Error from server: …`.
 */
export function denied(message: string): StatusAnswer {
  return failure(400, undefined, message);
}

/** A path naming no resource the server has. */
export function noSuchResource(): StatusAnswer {
  return failure(404, 'NotFound', 'the server could not find the requested resource', {});
}
