/**
 * A request path taken apart as the API server's RequestInfoFactory does
 * (apiserver/pkg/endpoints/request/requestinfo.go): `/api/v1/…` is the core group,
 * `/apis/GROUP/VERSION/…` the others; `namespaces/NS/` before a resource names its namespace
 * (`/api/v1/namespaces/NS` alone is the namespace object itself); then resource, name and
 * subresource. Everything else is a non-resource path (`/version`, `/healthz`, discovery).
 */
import type { ResourcePath } from './types';

export type ParsedPath =
  | { type: 'resource'; path: ResourcePath }
  /** `/api`, `/apis`, `/apis/GROUP`, `/api/v1`, `/apis/GROUP/VERSION`. */
  | { type: 'discovery'; prefix: 'api' | 'apis'; group?: string; version?: string }
  | { type: 'other'; path: string };

export function parsePath(path: string): ParsedPath {
  const parts = path
    .split('/')
    .filter((p) => p !== '')
    .map(decodeSegment);
  const prefix = parts[0];
  if (prefix !== 'api' && prefix !== 'apis') return { type: 'other', path };
  let rest: string[];
  let group = '';
  let version: string | undefined;
  if (prefix === 'api') {
    version = parts[1];
    rest = parts.slice(2);
  } else {
    group = parts[1] ?? '';
    version = parts[2];
    rest = parts.slice(3);
    if (!group) return { type: 'discovery', prefix };
  }
  if (version === undefined)
    return prefix === 'api' ? { type: 'discovery', prefix } : { type: 'discovery', prefix, group };
  if (rest.length === 0) return { type: 'discovery', prefix, group, version };
  let namespace: string | undefined;
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const [resource = '', name, subresource] = rest;
  return {
    type: 'resource',
    path: {
      group,
      version,
      ...(namespace !== undefined ? { namespace } : {}),
      resource,
      ...(name !== undefined ? { name } : {}),
      ...(subresource !== undefined ? { subresource } : {}),
    },
  };
}

function decodeSegment(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
