/** `kubectl apply -f` again: unchanged when nothing changed, and a three-way merge when it did. */
import { describe, expect, it } from 'vitest';
import { TestCluster, deploymentYaml } from '../../support/TestCluster';

const settled = () => TestCluster.load(deploymentYaml({ replicas: 3 })).advance('20s');

describe('kubectl apply of a manifest already applied', () => {
  it('says unchanged for every object, the Service with its allocated clusterIP included', () => {
    expect(settled().kubectl('apply -f -')).toBe(
      'deployment.apps/web unchanged\nservice/web unchanged\n',
    );
  });

  it('restores what the manifest sets and keeps what the server set', () => {
    const c = settled().exec('scale deployment web --replicas=5');
    const ip = c.kubectl('get svc web -o jsonpath={.spec.clusterIP}');
    expect(c.kubectl('apply -f -')).toBe('deployment.apps/web configured\nservice/web unchanged\n');
    expect(c.deployment('web').spec?.replicas).toBe(3);
    expect(c.kubectl('get svc web -o jsonpath={.spec.clusterIP}')).toBe(ip);
  });

  it('keeps labels other writers added, as a three-way merge does', () => {
    const c = settled().exec('label deployment web owner=team-a');
    expect(c.kubectl('apply -f -')).toBe('deployment.apps/web unchanged\nservice/web unchanged\n');
    expect(c.deployment('web').metadata?.labels).toEqual({ owner: 'team-a' });
  });
});
