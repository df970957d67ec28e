/**
 * Every request live mode makes goes through here, so read-only is enforced in one place by the
 * app itself: `kubectl proxy` passes writes through to the cluster, so while writing is off a
 * write never leaves the page. Errors are the API server's own words (a Status's message), or
 * what the proxy answered.
 */

export class ReadOnlyError extends Error {}

/** A request the server (or the proxy) refused, with its words. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The message of a refused request: a Status's `message`, else the body as text. */
export async function apiError(r: Response): Promise<ApiError> {
  const text = await r.text().catch(() => '');
  try {
    const s = JSON.parse(text) as { kind?: string; message?: string };
    if (s.kind === 'Status' && s.message) return new ApiError(r.status, s.message);
  } catch {
    // not JSON: the proxy's own words
  }
  return new ApiError(r.status, text.trim() || `${r.status} ${r.statusText}`);
}

export class LiveHttp {
  /** Off (the default): read-only. */
  writing = false;

  constructor(
    readonly base: string,
    private readonly fetchFn: typeof fetch,
  ) {}

  /** A GET under the API base; a refusal throws ApiError, an unreachable server says so. */
  async get(path: string, signal?: AbortSignal): Promise<Response> {
    let r: Response;
    try {
      r = await this.fetchFn(`${this.base}${path}`, {
        method: 'GET',
        headers: { accept: 'application/json' },
        ...(signal ? { signal } : {}),
      });
    } catch (e) {
      if (signal?.aborted) throw e;
      throw new ApiError(
        0,
        `Unable to connect to the server: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
    if (!r.ok) throw await apiError(r);
    return r;
  }

  /** A write. Refused here while writing is off: nothing is sent. */
  async send(method: 'PATCH', path: string, contentType: string, body: string): Promise<unknown> {
    if (!this.writing)
      throw new ReadOnlyError(
        'error: live mode is read-only: turn on "Allow writes to the cluster" to send this',
      );
    let r: Response;
    try {
      r = await this.fetchFn(`${this.base}${path}`, {
        method,
        headers: { 'content-type': contentType, accept: 'application/json' },
        body,
      });
    } catch (e) {
      throw new ApiError(
        0,
        `Unable to connect to the server: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
    if (!r.ok) throw await apiError(r);
    return r.json();
  }
}
