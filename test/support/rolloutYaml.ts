/**
 * An Argo canary Rollout named web (pods app=web, one container web with a readiness probe on
 * 8080), as tests write it by hand. Returns the Rollout document followed by `---`: add the
 * Service and the Scenario document after it.
 */

export interface CanaryRolloutParams {
  replicas: number;
  /** Canary steps as Argo writes them, one per entry: 'setWeight: 20', 'pause: {}'. */
  steps: readonly string[];
  /** Other fields of `strategy.canary`, written before the steps: { maxSurge: '25%' }. */
  canary?: Readonly<Record<string, number | string>>;
  image?: string;
}

export function canaryRolloutYaml(p: CanaryRolloutParams): string {
  const canary = Object.entries(p.canary ?? {})
    .map(([k, v]) => `      ${k}: ${JSON.stringify(v)}\n`)
    .join('');
  const steps = p.steps.map((s) => `        - ${s}\n`).join('');
  return `apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata: { name: web }
spec:
  replicas: ${p.replicas}
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
        - name: web
          image: ${p.image ?? 'app:v1'}
          readinessProbe: { httpGet: { path: /, port: 8080 }, periodSeconds: 1 }
  strategy:
    canary:
${canary}      steps:
${steps}---
`;
}
