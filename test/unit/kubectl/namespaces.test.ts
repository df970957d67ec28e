/**
 * `kubectl get ns` in the console: the four namespaces a cluster starts with (api/namespaces.ts),
 * Active since the start, printed as printers.go printNamespace prints them and described as
 * kubectl's NamespaceDescriber describes them against a server without quotas or limit ranges;
 * writes refused as the API server refuses a method.
 */
import { describe, expect, it } from 'vitest';
import { TestCluster, deploymentYaml } from '../../support/TestCluster';

const cluster = () => TestCluster.load(deploymentYaml({ replicas: 1 }), 3).advance('3m');

describe('kubectl get namespaces', () => {
  it('lists default and the three kube- namespaces, Active, aged from the cluster start', () => {
    const c = cluster();
    const table = [
      'NAME              STATUS   AGE',
      'default           Active   3m',
      'kube-node-lease   Active   3m',
      'kube-public       Active   3m',
      'kube-system       Active   3m',
      '',
    ].join('\n');
    expect(c.kubectl('get ns')).toBe(table);
    expect(c.kubectl('get namespaces')).toBe(table);
    expect(c.kubectl('get ns kube-system -o name')).toBe('namespace/kube-system\n');
    expect(c.kubectl('get ns nope')).toBe(
      'Error from server (NotFound): namespaces "nope" not found\n',
    );
  });

  it('finds none of the simulated objects outside default', () => {
    const c = cluster();
    expect(c.kubectl('get pods -n kube-system')).toBe(
      'No resources found in kube-system namespace.\n',
    );
    expect(c.kubectl('get deploy web -n kube-public')).toBe(
      'Error from server (NotFound): deployments.apps "web" not found\n',
    );
    expect(c.kubectl('get deploy -n default -o name')).toBe('deployment.apps/web\n');
  });

  it('describes a namespace as the NamespaceDescriber does', () => {
    expect(cluster().kubectl('describe ns kube-public')).toBe(
      [
        'Name:         kube-public',
        'Labels:       kubernetes.io/metadata.name=kube-public',
        'Annotations:  <none>',
        'Status:       Active',
        '',
      ].join('\n'),
    );
  });

  it('refuses writes and keeps all four', () => {
    const c = cluster();
    const refusal =
      'Error from server (MethodNotAllowed): the server does not allow this method on the requested resource\n';
    expect(c.kubectl('delete ns kube-public')).toBe(refusal);
    expect(c.kubectl('annotate ns default owner=me')).toBe(refusal);
    expect(c.kubectl('get ns -o name').trim().split('\n')).toHaveLength(4);
  });
});
