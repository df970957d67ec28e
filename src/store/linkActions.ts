/**
 * What a link's actions do, in words a person reads before replaying them, and which of them
 * change the cluster (and so are asked about first). Text only: the kubectl parser lives in the
 * simulation, so a line counts as read-only only when its verb is one kubectl never writes with.
 */
import type { UserAction } from '../worker/protocol';

/** kubectl verbs (and verb pairs) that only read. Anything else may change the cluster. */
const READ_ONLY = new Set([
  'get',
  'describe',
  'explain',
  'logs',
  'top',
  'version',
  'api-resources',
  'api-versions',
  'cluster-info',
  'help',
  'rollout history',
  'rollout status',
  'auth can-i',
  'config view',
  'argo rollouts get',
  'argo rollouts list',
  'argo rollouts status',
  'argo rollouts version',
]);

/** `--dry-run`, `--dry-run=client` or `=server` (or the old `=true`): kubectl sends no change. */
const DRY_RUN = /(^|\s)--dry-run(=(client|server|true|unchanged))?(\s|$)/;

/** The verb of a kubectl line (one word, two for rollout/auth/config, three for argo rollouts), flags skipped. */
function verb(line: string): string {
  const words = line
    .trim()
    .replace(/^kubectl\s+/, '')
    .split(/\s+/)
    .filter((w) => w && !w.startsWith('-'));
  const [first = '', second = '', third = ''] = words;
  if (first === 'argo') return `${first} ${second} ${third}`;
  return ['rollout', 'auth', 'config'].includes(first) ? `${first} ${second}` : first;
}

/** Whether replaying this action changes what happens in the cluster. */
export function changesCluster(a: UserAction): boolean {
  if (a.kind === 'kubectl') return !READ_ONLY.has(verb(a.line)) && !DRY_RUN.test(a.line);
  // Ctrl-C stops a running kubectl client (rolling-update keeps scaling until stopped).
  if (a.kind === 'interrupt') return true;
  // Manifests applied from the editor, or a `kubectl edit` saved: objects change.
  if (a.kind === 'applyText') return true;
  // Traffic and the image's start time change the simulated world, not the Kubernetes objects.
  return false;
}

function trafficText(patch: Extract<UserAction, { kind: 'traffic' }>['patch']): string {
  const parts: string[] = [];
  if (patch.rps !== undefined) parts.push(`${patch.rps} requests/s`);
  if (patch.clients !== undefined) parts.push(`${patch.clients} clients`);
  if (patch.target !== undefined) parts.push(`to ${patch.target}`);
  return `traffic: ${parts.join(', ') || 'unchanged'}`;
}

/** One line a person reads: "kubectl scale deployment/web --replicas=5". */
export function actionText(a: UserAction): string {
  if (a.kind === 'kubectl') return `kubectl ${a.line.trim().replace(/^kubectl\s+/, '')}`;
  if (a.kind === 'traffic') return trafficText(a.patch);
  if (a.kind === 'applyText')
    return a.edit
      ? `kubectl ${a.edit.line.trim().replace(/^kubectl\s+/, '')} (saved)`
      : `kubectl apply -f ${a.file}`;
  if (a.kind === 'startTime') return `pod start time: ${a.ms / 1000} s`;
  return 'Ctrl-C: stop the kubectl commands still running';
}
