/** Which link actions ask before replaying: only those that change the cluster. */
import { describe, expect, it } from 'vitest';
import { changesCluster } from '../../src/store/linkActions';

const kubectl = (line: string) => changesCluster({ kind: 'kubectl', t: 0, line });

describe('a link action changes the cluster', () => {
  it.each([
    'scale deployment web --replicas=5',
    'delete pod web-1',
    'set image deployment/web web=nginx:1.27',
    'rollout undo deployment/web',
    'argo rollouts promote rollouts-demo',
    'scale deployment web --replicas=5 --dry-run=none',
  ])('when it writes: %s', (line) => expect(kubectl(line)).toBe(true));

  it.each([
    'get pods',
    'get events --sort-by=.lastTimestamp',
    'rollout status deployment/web',
    'argo rollouts get rollout rollouts-demo',
    'scale deployment web --replicas=5 --dry-run=client',
    'delete deployment web --dry-run=server',
    'apply -f - --dry-run',
  ])('not when it only reads or is a dry run: %s', (line) => expect(kubectl(line)).toBe(false));
});
