/** Argo's rollouts-demo as a scenario: a canary Rollout whose second step waits for `promote`. */
export const ARGO_DEMO_YAML = `apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata: { name: rollouts-demo }
spec:
  replicas: 5
  strategy:
    canary:
      steps:
      - setWeight: 20
      - pause: {}
      - setWeight: 40
      - pause: {duration: 10}
      - setWeight: 60
      - pause: {duration: 10}
      - setWeight: 80
      - pause: {duration: 10}
  revisionHistoryLimit: 2
  selector: { matchLabels: { app: rollouts-demo } }
  template:
    metadata: { labels: { app: rollouts-demo } }
    spec:
      containers:
      - name: rollouts-demo
        image: argoproj/rollouts-demo:blue
        ports: [{ name: http, containerPort: 8080, protocol: TCP }]
        resources: { requests: { memory: 32Mi, cpu: 5m } }
---
apiVersion: v1
kind: Service
metadata: { name: rollouts-demo }
spec:
  selector: { app: rollouts-demo }
  ports: [{ port: 80, targetPort: http, protocol: TCP, name: http }]
---
apiVersion: rolloutlab.dev/v1alpha1
kind: Scenario
metadata: { name: demo }
spec:
  seed: 1
  duration: 120s
  traffic: { target: rollouts-demo, rps: 20 }
  steps:
  - at: 10s
    kubectl: argo rollouts set image rollouts-demo rollouts-demo=argoproj/rollouts-demo:yellow
`;
