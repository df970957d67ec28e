/**
 * GET of one object and LIST, as JSON or as a Table: the selectors, `limit` and `continue`
 * (chunks in name order; the token says where the next one starts, as etcd3's continue key
 * does), and the list's resourceVersion rules (apimachinery ListOptions, "Resource versions" in
 * the API concepts): unset or "0" → the newest state; N (NotOlderThan) → the newest, or a 504
 * when N is ahead of the store; Exact → only the newest version itself can be served, since
 * the simulator keeps no past states (older: 410 Expired).
 */
import type { ApiRequest, ApiResponse, ResourcePath } from './types';
import type { ServedResource } from './resources';
import { isBuiltIn } from './resources';
import type { ServeContext } from './serveState';
import { objectsOf, listResourceVersion } from './objectsOf';
import { predicateOf } from './selectors';
import { formatSelector } from '../api/labels';
import { decodeContinue, encodeContinue } from './continueToken';
import { includeObjectOf, tableOf, TABLE_CONTENT_TYPE, wantsTable } from './tableAnswer';
import {
  badRequest,
  expired,
  invalidListOptions,
  notFound,
  statusAnswer,
  tooLargeResourceVersion,
  type StatusBody,
} from './status';

function json(body: unknown, contentType = 'application/json'): ApiResponse {
  return { status: 200, contentType, body: JSON.stringify(body) };
}

const metaOf = (o: object) =>
  ((o as { metadata?: { name?: string; namespace?: string } }).metadata ?? {}) as {
    name?: string;
    namespace?: string;
  };

/** GET /…/RESOURCE/NAME. */
export function getOne(
  ctx: ServeContext,
  req: ApiRequest,
  path: ResourcePath,
  r: ServedResource,
): ApiResponse {
  const name = path.name ?? '';
  const obj = objectsOf(ctx.state, r.kind, path.namespace).find((o) => metaOf(o).name === name);
  if (!obj) return statusAnswer(notFound(path.group, path.resource, name));
  const served = ctx.servedAny(r.kind, obj, path.version);
  if (wantsTable(req.headers.accept))
    return json(
      tableOf(r.kind, [served], {
        nowWall: ctx.nowWall,
        includeObject: includeObjectOf(req.query),
        resourceVersion: String(
          (served.metadata as { resourceVersion?: string }).resourceVersion ?? '',
        ),
      }),
      TABLE_CONTENT_TYPE,
    );
  return json(served);
}

/** The resourceVersion rules of a list; undefined when the newest state may be served. */
export function listVersionError(
  query: Record<string, string>,
  current: number,
): StatusBody | undefined {
  const rv = query.resourceVersion;
  const match = query.resourceVersionMatch;
  if (match !== undefined && match !== '') {
    if (rv === undefined || rv === '')
      return invalidListOptions(
        'resourceVersionMatch',
        'resourceVersionMatch is forbidden unless resourceVersion is provided',
      );
    if (match === 'Exact' && rv === '0')
      return invalidListOptions(
        'resourceVersionMatch',
        'resourceVersionMatch "exact" is forbidden for resourceVersion "0"',
      );
    if (match !== 'Exact' && match !== 'NotOlderThan')
      return invalidListOptions('resourceVersionMatch', `unsupported value "${match}"`);
  }
  if (rv === undefined || rv === '' || rv === '0') return undefined;
  if (!/^\d+$/.test(rv)) return badRequest(`invalid resource version: ${rv}`);
  const n = Number(rv);
  if (n > current) return tooLargeResourceVersion(n, current);
  if (match === 'Exact' && n < current)
    return expired(`too old resource version: ${n} (${current})`);
  return undefined;
}

/** GET /…/RESOURCE (not a watch). */
export function listAll(
  ctx: ServeContext,
  req: ApiRequest,
  path: ResourcePath,
  r: ServedResource,
): ApiResponse {
  const state = ctx.state;
  const current = listResourceVersion(state, r.kind);
  const versionError = listVersionError(req.query, current);
  if (versionError) return statusAnswer(versionError);
  const pred = predicateOf(r.kind, req.query);
  if (typeof pred !== 'function') return statusAnswer(pred);
  const key = (o: object) =>
    path.namespace !== undefined
      ? (metaOf(o).name ?? '')
      : `${metaOf(o).namespace ?? ''}/${metaOf(o).name ?? ''}`;
  let objs = objectsOf(state, r.kind, path.namespace).filter(pred);
  let rv = current;
  const cont = req.query.continue;
  if (cont) {
    const token = decodeContinue(cont);
    if (!token)
      return statusAnswer(
        badRequest(
          'continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)',
        ),
      );
    // The simulator keeps no past states: the rest of the list is read from the newest one,
    // still in name order after the previous chunk's last name.
    const start = token.start;
    objs = objs.filter((o) => key(o) >= start);
    rv = token.rv;
  }
  const limit = Number(req.query.limit ?? 0);
  let continueToken: string | undefined;
  if (Number.isInteger(limit) && limit > 0 && objs.length > limit) {
    objs = objs.slice(0, limit);
    const last = objs[objs.length - 1];
    continueToken = encodeContinue({
      v: 'meta.k8s.io/v1',
      rv,
      start: `${last ? key(last) : ''}\u0000`,
    });
  }
  const served = objs.map((o) => ctx.servedAny(r.kind, o, path.version));
  if (wantsTable(req.headers.accept))
    return json(
      tableOf(r.kind, served, {
        nowWall: ctx.nowWall,
        includeObject: includeObjectOf(req.query),
        resourceVersion: String(rv),
        ...(continueToken ? { continueToken } : {}),
      }),
      TABLE_CONTENT_TYPE,
    );
  // Built-in lists carry kind and apiVersion on the list only; a CRD's items keep theirs.
  const items = isBuiltIn(r.facts.group)
    ? served.map(({ apiVersion: _a, kind: _k, ...rest }) => (void _a, void _k, rest))
    : served;
  return json({
    kind: `${r.kind}List`,
    apiVersion: path.group ? `${path.group}/${path.version}` : path.version,
    metadata: {
      resourceVersion: String(rv),
      ...(continueToken ? { continue: continueToken } : {}),
    },
    items,
  });
}

/**
 * GET …/NAME/scale: the autoscaling/v1 Scale of a scalable kind (apps/v1 ScaleFromDeployment
 * and the CRD scale subresource): desired replicas, observed replicas and the label selector
 * as a string. Writes to it are writes.ts's.
 */
export function getScale(ctx: ServeContext, path: ResourcePath, r: ServedResource): ApiResponse {
  const name = path.name ?? '';
  const obj = objectsOf(ctx.state, r.kind, path.namespace).find((o) => metaOf(o).name === name);
  if (!obj) return statusAnswer(notFound(path.group, path.resource, name));
  const served = ctx.servedAny(r.kind, obj) as {
    metadata: Record<string, unknown>;
    spec?: { replicas?: number; selector?: unknown };
    status?: { replicas?: number; selector?: string };
  };
  const m = served.metadata;
  // metav1.FormatLabelSelector (keys sorted); an RC's plain map alike; a CRD's status says it.
  const formatted = formatSelector(served.spec?.selector as Parameters<typeof formatSelector>[0]);
  const selector = served.status?.selector ?? (formatted === '<none>' ? '' : formatted);
  return json({
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: {
      name: m.name,
      namespace: m.namespace,
      uid: m.uid,
      resourceVersion: m.resourceVersion,
      creationTimestamp: m.creationTimestamp,
    },
    spec: { replicas: served.spec?.replicas ?? 0 },
    status: { replicas: served.status?.replicas ?? 0, ...(selector ? { selector } : {}) },
  });
}
