/**
 * `kubectl get events` as the API server lists them and printers.go prints them, with the
 * server-side `--field-selector` and kubectl's client-side `--sort-by`.
 */
import { describe, expect, it } from 'vitest';
import { TestCluster, deploymentYaml } from '../../support/TestCluster';

const settled = () =>
  TestCluster.load(deploymentYaml({ replicas: 2, readinessProbe: true }), 3).advance('20s');

const rows = (out: string) => out.trimEnd().split('\n').slice(1);

describe('kubectl get events', () => {
  it('prints LAST SEEN, TYPE, REASON, OBJECT and MESSAGE, grouped by object in name order', () => {
    const c = settled();
    const out = c.kubectl('get events');
    expect(out.split('\n')[0]).toMatch(/^LAST SEEN {3}TYPE {6}REASON {14}OBJECT {2,}MESSAGE$/);
    const objects = rows(out).map((r) => r.split(/\s{2,}/)[3] ?? '');
    // Event names are <object>.<hex time> and the API server lists in key (byte) order, so each
    // object's events are together, oldest first.
    const names = c.kubectl('get events -o name').trimEnd().split('\n');
    expect(names).toEqual([...names].sort());
    expect(new Set(objects).size).toBe(objects.filter((o, i) => o !== objects[i - 1]).length);
    expect(objects).toContain('deployment/web');
    // The Deployment scaled up at 0.0xx s: served to the whole second, 20 s old at t = 20 s.
    expect(out).toMatch(
      /\n20s {9}Normal {4}ScalingReplicaSet {3}deployment\/web {3,}Scaled up replica set web-\w+ from 0 to 2\n/,
    );
  });

  it('answers to the short name ev and to one event by its name', () => {
    const c = settled();
    const name = c.kubectl('get ev -o name').split('\n')[0] ?? '';
    expect(name).toMatch(/^event\/web-\w+-\w+\.[0-9a-f]+$/);
    const yaml = c.kubectl(`get ${name} -o yaml`);
    // sigs.k8s.io/yaml sorts the keys.
    expect(yaml).toMatch(/^apiVersion: v1\ncount: 1\n[^]*\nkind: Event\n/);
    expect(yaml).toContain(`name: ${name.slice('event/'.length)}`);
  });

  it('folds repeats into one Event with a count, as the recorder does', () => {
    const wide = settled().kubectl('get events -o wide');
    expect(wide.split('\n')[0]).toMatch(
      /^LAST SEEN +TYPE +REASON +OBJECT +SUBOBJECT +SOURCE +MESSAGE +FIRST SEEN +COUNT +NAME$/,
    );
    const unhealthy = rows(wide).filter((r) => r.includes('Unhealthy'));
    expect(unhealthy.length).toBeGreaterThan(0);
    for (const r of unhealthy)
      expect(r).toMatch(/ kubelet {2,}Readiness probe failed: .* \d+s {2,}[1-9]\d* {2,}web-/);
  });

  it('filters on the fields the API server supports and refuses others in its words', () => {
    const c = settled();
    const warnings = rows(c.kubectl('get events --field-selector type=Warning'));
    expect(warnings.length).toBeGreaterThan(0);
    for (const r of warnings) expect(r).toContain('Warning');
    const deploy = rows(c.kubectl('get events --field-selector involvedObject.kind=Deployment'));
    expect(deploy.every((r) => r.includes('deployment/web'))).toBe(true);
    expect(c.kubectl('get pods -l app=web --field-selector spec.foo=bar')).toBe(
      'Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "app=web", field selector "spec.foo=bar": field label not supported: spec.foo\n',
    );
    expect(c.kubectl('get pods --field-selector status.phase!=Running')).toBe(
      'No resources found in default namespace.\n',
    );
  });

  it('sorts by a field with --sort-by, oldest first', () => {
    const c = settled().exec('scale deployment web --replicas=3').advance('5s');
    const sorted = rows(c.kubectl('get events --sort-by=.lastTimestamp'));
    const ages = sorted.map((r) => Number(/^(\d+)s/.exec(r)?.[1]));
    expect(ages).toEqual([...ages].sort((a, b) => b - a));
    expect(c.kubectl('get pods --sort-by=.foo')).toBe(
      'error: couldn\'t find any field with path "{.foo}" in the list of objects\n',
    );
  });
});

describe('an Endpoints object that does not exist', () => {
  it('is NotFound in the API server’s words, for get and for a writing verb', () => {
    const c = settled();
    expect(c.kubectl('get endpoints nope')).toBe(
      'Error from server (NotFound): endpoints "nope" not found\n',
    );
    expect(c.kubectl('label endpoints nope a=b')).toBe(
      'Error from server (NotFound): endpoints "nope" not found\n',
    );
  });
});
