/**
 * `kubectl get nodes` in the console: printers.go printNode's columns over the engine's nodes
 * (engine/nodes.ts), the layout real kubectl 1.32 printed for them against `sim serve`
 * (test/api/nodesNamespaces.test.ts compares the two byte for byte), and the API server's
 * refusal of writes on a kind the simulation serves read-only.
 */
import { describe, expect, it } from 'vitest';
import { TestCluster, deploymentYaml } from '../../support/TestCluster';

const cluster = () => TestCluster.load(deploymentYaml({ replicas: 2 }), 3).advance('90s');

describe('kubectl get nodes', () => {
  it('prints NAME STATUS ROLES AGE VERSION, ages from the cluster start', () => {
    expect(cluster().kubectl('get nodes')).toBe(
      [
        'NAME     STATUS   ROLES    AGE   VERSION',
        'node-1   Ready    <none>   90s   v1.32.0',
        'node-2   Ready    <none>   90s   v1.32.0',
        'node-3   Ready    <none>   90s   v1.32.0',
        '',
      ].join('\n'),
    );
  });

  it('-o wide adds the addresses the pods report as hostIP, the OS, kernel and runtime', () => {
    const c = cluster();
    const wide = c.kubectl('get no -o wide').split('\n');
    expect(wide[0]).toBe(
      'NAME     STATUS   ROLES    AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE                         KERNEL-VERSION   CONTAINER-RUNTIME',
    );
    expect(wide[2]).toBe(
      'node-2   Ready    <none>   90s   v1.32.0   172.18.0.3    <none>        Debian GNU/Linux 12 (bookworm)   6.8.0-1017-gcp   containerd://1.7.24',
    );
    const hostIPs = c.kubectl(
      'get pods -o custom-columns=NODE:.spec.nodeName,HOST:.status.hostIP --no-headers',
    );
    expect(hostIPs.trim().split('\n')).toHaveLength(2);
    for (const line of hostIPs.trim().split('\n')) {
      const [node, ip] = line.split(/ +/);
      expect(wide.find((r) => r.startsWith(`${node} `))).toContain(` ${ip} `);
    }
  });

  it('refuses writes as the API server refuses a method, and keeps the node', () => {
    const c = cluster();
    const refusal =
      'Error from server (MethodNotAllowed): the server does not allow this method on the requested resource\n';
    expect(c.kubectl('delete node node-2')).toBe(refusal);
    expect(c.kubectl('label node node-1 role=edge')).toBe(refusal);
    expect(c.kubectl('get node node-2 -o name')).toBe('node/node-2\n');
    expect(c.kubectl('get node node-1 --show-labels')).not.toContain('role=edge');
  });
});
