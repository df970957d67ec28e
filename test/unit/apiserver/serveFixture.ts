/**
 * A `sim serve` cluster in-process for the pure handlers' tests: a catalog scenario's session,
 * paused or running on a clock the test moves, and a request helper.
 */
import { Session } from '../../../src/sim/index';
import { ServeState } from '../../../src/sim/apiserver/serveState';
import { apiAnswer, type Answer } from '../../../src/sim/apiserver/handle';
import { SIM_EPOCH_MS } from '../../../src/sim/core/time';
import type { ApiRequest, ApiResponse } from '../../../src/sim/apiserver/types';
import { catalogText } from '../../support/catalog';

/** A fixed wall instant (Unix ms), 10.25 s past a whole minute. */
export const WALL = Date.UTC(2026, 5, 1, 12, 0, 10, 250);

export const TABLE_ACCEPT =
  'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

export function serveAt(scenario: string, simMs: number, capacity?: number): ServeState {
  const session = Session.load(catalogText(scenario), `${scenario}.yaml`) as Session;
  session.advanceTo(simMs);
  return new ServeState(
    session,
    { speed: 0, wall0: WALL, sim0: simMs },
    '127.0.0.1:8001',
    capacity,
  );
}

export function request(url: string, headers: Record<string, string> = {}): ApiRequest {
  const u = new URL(url, 'http://127.0.0.1');
  const query: Record<string, string> = {};
  for (const [k, v] of u.searchParams) query[k] = v;
  return { method: 'GET', path: u.pathname, query, headers, body: '' };
}

export function answer(state: ServeState, url: string, headers?: Record<string, string>): Answer {
  return apiAnswer(state.context(WALL), request(url, headers));
}

/** A plain (non-watch) answer with its body parsed. */
export function get(
  state: ServeState,
  url: string,
  headers?: Record<string, string>,
): ApiResponse & { json: Record<string, unknown> } {
  const a = answer(state, url, headers);
  if ('watch' in a) throw new Error(`${url} answered with a watch`);
  return { ...a, json: a.contentType.includes('json') ? JSON.parse(a.body) : {} };
}

export { SIM_EPOCH_MS };
