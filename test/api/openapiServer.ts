/**
 * A small HTTP server for the OpenAPI tests: legacy discovery of the served kinds
 * (src/sim/api/kinds.ts), `/openapi/*` through openapiAnswer, and just enough of the resource
 * paths for `kubectl apply --dry-run=server` (GET answers NotFound, POST echoes the object). It
 * stands in for `sim serve` until that server can be started from a test; it records every
 * request so a test can read what kubectl sent.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { KINDS, RESOURCE_KINDS } from '../../src/sim/api/kinds';
import { openapiAnswer } from '../../src/sim/apiserver/openapi';
import type { ApiRequest } from '../../src/sim/apiserver/types';

export interface SeenRequest {
  method: string;
  url: string;
  accept: string;
}

export interface OpenapiServer {
  url: string;
  seen: SeenRequest[];
  close(): Promise<void>;
}

function groupVersions(): Map<string, string[]> {
  const gvs = new Map<string, string[]>();
  for (const kind of RESOURCE_KINDS) {
    const f = KINDS[kind];
    if (!f.simulated) continue;
    for (const v of f.versions) {
      const gv = f.group ? `${f.group}/${v}` : v;
      gvs.set(gv, [...(gvs.get(gv) ?? []), kind]);
    }
  }
  return gvs;
}

function resourceList(gv: string, kinds: string[]): unknown {
  const resources = kinds.flatMap((kind) => {
    const f = KINDS[kind as keyof typeof KINDS];
    const main = {
      name: f.plural,
      singularName: f.singular,
      namespaced: f.namespaced,
      kind,
      verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
      ...(f.shortNames.length ? { shortNames: f.shortNames } : {}),
      ...(f.categories.length ? { categories: f.categories } : {}),
    };
    const scale = f.scalable
      ? [
          {
            name: `${f.plural}/scale`,
            singularName: '',
            namespaced: f.namespaced,
            group: 'autoscaling',
            version: 'v1',
            kind: 'Scale',
            verbs: ['get', 'patch', 'update'],
          },
        ]
      : [];
    return [main, ...scale];
  });
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: gv, resources };
}

export async function startOpenapiServer(): Promise<OpenapiServer> {
  const gvs = groupVersions();
  const seen: SeenRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const u = new URL(req.url ?? '/', 'http://x');
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
      seen.push({
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        accept: headers['accept'] ?? '',
      });
      const apiReq: ApiRequest = {
        method: req.method ?? 'GET',
        path: u.pathname,
        query: Object.fromEntries(u.searchParams),
        headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      const send = (status: number, body: unknown, type = 'application/json'): void => {
        res.writeHead(status, { 'Content-Type': type });
        res.end(typeof body === 'string' ? body : JSON.stringify(body));
      };
      const oa = openapiAnswer(apiReq);
      if (oa) return send(oa.status, oa.body, oa.contentType);
      const p = u.pathname;
      if (p === '/version') return send(200, { major: '1', minor: '32', gitVersion: 'v1.32.0' });
      if (p === '/api')
        return send(200, { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [] });
      if (p === '/apis') {
        const groups = new Map<string, string[]>();
        for (const gv of gvs.keys()) {
          const [g, v] = gv.split('/');
          if (v && g) groups.set(g, [...(groups.get(g) ?? []), v]);
        }
        return send(200, {
          kind: 'APIGroupList',
          apiVersion: 'v1',
          groups: [...groups].map(([name, vs]) => ({
            name,
            versions: vs.map((v) => ({ groupVersion: `${name}/${v}`, version: v })),
            preferredVersion: { groupVersion: `${name}/${vs[0]}`, version: vs[0] },
          })),
        });
      }
      const gvMatch = /^\/(?:api\/(v1)|apis\/([^/]+\/[^/]+))$/.exec(p);
      if (gvMatch) {
        const gv = gvMatch[1] ?? gvMatch[2] ?? '';
        const kinds = gvs.get(gv);
        return kinds
          ? send(200, resourceList(gv, kinds))
          : send(404, '404 page not found\n', 'text/plain');
      }
      if (apiReq.method === 'POST') return send(201, apiReq.body);
      const name = p.split('/').pop();
      return send(404, {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: `not found: ${name}`,
        reason: 'NotFound',
        code: 404,
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
