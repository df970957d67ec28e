/**
 * Slider edits become the kubectl commands a person would type (`kubectl scale`, `kubectl
 * patch`), so the console history shows exactly what changed and a strategy change mid-rollout
 * takes effect on the controller's next sync, as on a cluster.
 */
export type DeploymentField = 'replicas' | 'maxSurge' | 'maxUnavailable' | 'minReadySeconds';

export function editCommand(
  deployment: string,
  field: DeploymentField,
  value: number | string,
): string {
  if (field === 'replicas') return `scale deployment/${deployment} --replicas=${value}`;
  const spec =
    field === 'minReadySeconds'
      ? { minReadySeconds: value }
      : { strategy: { rollingUpdate: { [field]: value } } };
  return `patch deployment ${deployment} -p '${JSON.stringify({ spec })}'`;
}

/**
 * The next version of an image for "Deploy new version": the last number in the tag goes up
 * (nginx:1.26 → nginx:1.27, app:v2 → app:v3); a tag without a number gets "-2".
 */
export function nextImage(image: string): string {
  const at = image.lastIndexOf(':');
  const slash = image.lastIndexOf('/');
  if (at < 0 || at < slash) return `${image}:2`;
  const repo = image.slice(0, at);
  const tag = image.slice(at + 1);
  const m = /^(.*?)(\d+)(\D*)$/.exec(tag);
  if (!m) return `${repo}:${tag}-2`;
  return `${repo}:${m[1]}${Number(m[2]) + 1}${m[3]}`;
}
