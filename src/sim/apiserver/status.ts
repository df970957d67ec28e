/**
 * Errors as the API server answers them: a metav1.Status with the reason, code and message its
 * StatusError carries (apimachinery pkg/api/errors/errors.go), so kubectl prints
 * `Error from server (NotFound): deployments.apps "x" not found` exactly as against a cluster.
 */
import type { ApiResponse } from './types';

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  causes?: { reason?: string; message: string; field?: string }[];
  retryAfterSeconds?: number;
}

export interface StatusBody {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure';
  message: string;
  reason: string;
  details?: StatusDetails;
  code: number;
}

export function statusBody(
  code: number,
  reason: string,
  message: string,
  details?: StatusDetails,
): StatusBody {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    ...(details ? { details } : {}),
    code,
  };
}

export function statusAnswer(body: StatusBody): ApiResponse {
  return { status: body.code, contentType: 'application/json', body: JSON.stringify(body) };
}

/** errors.NewNotFound(qualifiedResource, name): `deployments.apps "x" not found`. */
export function notFound(group: string, resource: string, name: string): StatusBody {
  const qualified = group ? `${resource}.${group}` : resource;
  return statusBody(404, 'NotFound', `${qualified} "${name}" not found`, {
    name,
    ...(group ? { group } : {}),
    kind: resource,
  });
}

/** A path the server has no handler for (the NotFound of an unknown resource or group). */
export function noResource(): StatusBody {
  return statusBody(404, 'NotFound', 'the server could not find the requested resource', {});
}

export function badRequest(message: string): StatusBody {
  return statusBody(400, 'BadRequest', message);
}

/** errors.NewMethodNotSupported: a verb the resource does not serve. */
export function methodNotSupported(group: string, resource: string, action: string): StatusBody {
  const qualified = group ? `${resource}.${group}` : resource;
  return statusBody(
    405,
    'MethodNotAllowed',
    `${action} is not supported on resources of kind "${qualified}"`,
    {
      ...(group ? { group } : {}),
      kind: resource,
    },
  );
}

/** errors.NewResourceExpired: a watch or continue token older than the history kept. */
export function expired(message: string): StatusBody {
  return statusBody(410, 'Expired', message);
}

/**
 * errors.NewInvalid for ListOptions (internalversion validation.ValidateListOptions):
 * `ListOptions.meta.k8s.io "" is invalid: resourceVersionMatch: Forbidden: …`.
 */
export function invalidListOptions(field: string, detail: string): StatusBody {
  return statusBody(
    422,
    'Invalid',
    `ListOptions.meta.k8s.io "" is invalid: ${field}: Forbidden: ${detail}`,
    {
      group: 'meta.k8s.io',
      kind: 'ListOptions',
      causes: [{ reason: 'FieldValueForbidden', message: `Forbidden: ${detail}`, field }],
    },
  );
}

/**
 * A resourceVersion newer than the store's (storage.NewTooLargeResourceVersionError, after the
 * watch cache waited for it): 504 Timeout.
 */
export function tooLargeResourceVersion(asked: number, current: number): StatusBody {
  return statusBody(
    504,
    'Timeout',
    `Timeout: Too large resource version: ${asked}, current: ${current}`,
    {
      causes: [{ reason: 'ResourceVersionTooLarge', message: 'Too large resource version' }],
      retryAfterSeconds: 1,
    },
  );
}
