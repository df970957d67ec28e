/**
 * `/openapi/v2` and `/openapi/v3` for the kinds the simulated API server serves. Scaffolding
 * until the openapi work lands: no document yet, so the server answers 404 for these paths.
 */
import type { ApiRequest, ApiResponse } from './types';

/** The answer for an OpenAPI path, or undefined when `req` is not one. */
export function openapiAnswer(req: ApiRequest): ApiResponse | undefined {
  void req;
  return undefined;
}
