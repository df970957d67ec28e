/** A Session on a small cluster and an ApiContext over it, as `sim serve` builds one. */
import { Session } from '../../../src/sim/session/session';
import type { ApiContext } from '../../../src/sim/apiserver/context';
import type { ApiResponse, ResourcePath } from '../../../src/sim/apiserver/types';
import { writeAnswer } from '../../../src/sim/apiserver/writes';
import { apiVersionOf } from '../../../src/sim/api/kinds';

export const CLUSTER = `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: { app: web }
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
        - name: web
          image: nginx:1.26
          ports: [{ containerPort: 80 }]
          env: [{ name: A, value: "1" }, { name: B, value: "2" }]
        - name: sidecar
          image: envoy:1
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  selector: { app: web }
  ports: [{ port: 80, targetPort: 80 }]
`;

export function started(text = CLUSTER): { session: Session; ctx: ApiContext } {
  const s = Session.load(text, 'cluster.yaml');
  if ('errors' in s) throw new Error(s.errors.join('\n'));
  s.advanceTo(10_000);
  const ctx: ApiContext = {
    session: s,
    served: (kind, obj) => ({ ...obj, apiVersion: apiVersionOf(kind), kind }),
  };
  return { session: s, ctx };
}

export const DEPLOYMENTS: ResourcePath = {
  group: 'apps',
  version: 'v1',
  namespace: 'default',
  resource: 'deployments',
};

export function at(path: ResourcePath, name?: string, subresource?: string): ResourcePath {
  return { ...path, ...(name ? { name } : {}), ...(subresource ? { subresource } : {}) };
}

export interface Sent {
  status: number;
  body: Record<string, unknown>;
}

export function send(
  ctx: ApiContext,
  method: string,
  path: ResourcePath,
  body: unknown,
  contentType = 'application/json',
  query: Record<string, string> = {},
): Sent {
  const r: ApiResponse = writeAnswer(
    ctx,
    {
      method,
      path: '/unused',
      query,
      headers: { 'content-type': contentType },
      body: typeof body === 'string' ? body : body === undefined ? '' : JSON.stringify(body),
    },
    path,
  );
  return { status: r.status, body: JSON.parse(r.body) as Record<string, unknown> };
}
