/**
 * The simulated cluster's Kubernetes API (issue 12): what one HTTP request and its answer are,
 * as plain data, so the API server's logic stays pure (src/sim) and only the socket lives in
 * the CLI (`npm run sim -- serve`, src/cli/serve/). A watch answers with a stream, fed as the
 * session advances.
 */

/** One request as the HTTP layer received it. */
export interface ApiRequest {
  method: string;
  /** The URL path without the query: `/apis/apps/v1/namespaces/default/deployments/web`. */
  path: string;
  /** Query parameters (the last value wins, as the API server's decoder takes it). */
  query: Record<string, string>;
  /** Header names in lower case: `accept`, `content-type`, `user-agent`. */
  headers: Record<string, string>;
  /** The body as text ('' when none). */
  body: string;
}

/** A complete answer. */
export interface ApiResponse {
  status: number;
  /** `application/json` for nearly everything; discovery and Table answers say what they are. */
  contentType: string;
  body: string;
  /** A binary answer's bytes, sent instead of `body` (the protobuf `/openapi/v2`). */
  bytes?: Uint8Array;
}

/**
 * A resource URL taken apart (apiserver's RequestInfo):
 * `/apis/apps/v1/namespaces/default/deployments/web/scale` → group `apps`, version `v1`,
 * namespace `default`, resource `deployments`, name `web`, subresource `scale`.
 */
export interface ResourcePath {
  /** '' is the core group (`/api/v1`). */
  group: string;
  version: string;
  namespace?: string;
  /** Discovery's plural, as in the URL. */
  resource: string;
  name?: string;
  subresource?: string;
}
