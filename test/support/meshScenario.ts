/**
 * The mesh tests' cluster: Deployments web-v1 (3 pods) and web-v2 (1 pod) behind Service web,
 * a DestinationRule with a subset per version, and a VirtualService with the given http routes.
 */

export function deployment(name: string, version: string, replicas: number): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name} }
spec:
  replicas: ${replicas}
  selector: { matchLabels: { app: web, version: ${version} } }
  template:
    metadata: { labels: { app: web, version: ${version} } }
    spec:
      containers:
        - name: web
          image: app:${version}
          readinessProbe: { httpGet: { path: /, port: 80 }, periodSeconds: 1 }
---
`;
}

export function mesh(
  http: string,
  traffic: string,
  extra = '',
  subsets: readonly string[] = ['v1', 'v2'],
): string {
  return `${deployment('web-v1', 'v1', 3)}${deployment('web-v2', 'v2', 1)}${extra}apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  selector: { app: web }
  ports: [{ port: 80 }]
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: { name: web }
spec:
  host: web
  subsets:
${subsets.map((v) => `    - { name: ${v}, labels: { version: ${v} } }\n`).join('')}---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: web }
spec:
  hosts: [web]
  http:
${http}
---
apiVersion: rolloutlab.dev/v1alpha1
kind: Scenario
metadata: { name: mesh }
spec:
  duration: 60s
  traffic:
${traffic}
`;
}
