/** kubectl verbs against the running simulation, checked by what kubectl prints and what changes. */
import { describe, expect, it } from 'vitest';
import { TestCluster, deploymentYaml } from '../../support/TestCluster';

const settled = () =>
  TestCluster.load(deploymentYaml({ replicas: 3, readinessProbe: true })).advance('20s');

describe('kubectl against a settled Deployment', () => {
  it('records --record as change-cause and lists it in rollout history', () => {
    const c = settled();
    expect(c.kubectl('set image deployment/web web=app:v2 --record')).toBe(
      'Flag --record has been deprecated, --record will be removed in the future\ndeployment.apps/web image updated\n',
    );
    c.advance('30s');
    expect(c.kubectl('rollout history deployment/web')).toBe(
      'deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         kubectl set image deployment/web web=app:v2 --record=true\n\n',
    );
  });

  it('serializes times to the second in -o yaml and -o json, as metav1.Time does', () => {
    const c = settled();
    const yaml = c.kubectl('get rs -o yaml');
    expect(yaml).toMatch(/creationTimestamp: "?2026-01-01T00:00:00Z"?\n/);
    expect(yaml).not.toMatch(/\d\d:\d\d:\d\d\.\d{3}Z/);
    const json = c.kubectl('get deployment web -o json');
    expect(json).toMatch(/"lastUpdateTime": "2026-01-01T00:00:\d\dZ"/);
  });

  it('prints nothing for set image when the image is already set', () => {
    expect(settled().kubectl('set image deployment/web web=app:v1')).toBe('');
  });

  it('rolls back to a given revision, and refuses an unknown one', () => {
    const c = settled();
    c.kubectl('set image deployment/web web=app:v2');
    c.advance('30s');
    expect(c.kubectl('rollout undo deployment/web --to-revision=7')).toBe(
      'error: unable to find specified revision 7 in history\n',
    );
    expect(c.kubectl('rollout undo deployment/web --to-revision=1')).toBe(
      'deployment.apps/web rolled back\n',
    );
    c.advance('30s');
    expect(c.deployment('web').spec?.template.spec?.containers[0]?.image).toBe('app:v1');
    expect(c.kubectl('rollout undo deployment/web --to-revision=3')).toBe(
      'deployment.apps/web skipped rollback (current template already matches revision 3)\n',
    );
  });

  it('pauses, refuses to pause twice, and refuses undo and restart while paused', () => {
    const c = settled();
    expect(c.kubectl('rollout pause deployment/web')).toBe('deployment.apps/web paused\n');
    expect(c.kubectl('rollout pause deployment/web')).toBe(
      'error: deployments.apps "web" is already paused\n',
    );
    expect(c.kubectl('rollout undo deployment/web')).toBe(
      "error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again\n",
    );
    expect(c.kubectl('rollout restart deployment/web')).toBe(
      `error: deployments.apps "web" can't restart paused deployment (run rollout resume first)\n`,
    );
    c.kubectl('set image deployment/web web=app:v2');
    c.advance('30s');
    expect(c.replicaSets()).toHaveLength(1);
    expect(
      c.deployment('web').status?.conditions?.find((x) => x.type === 'Progressing')?.reason,
    ).toBe('DeploymentPaused');
    expect(c.kubectl('rollout resume deployment/web')).toBe('deployment.apps/web resumed\n');
    c.advance('30s');
    expect(c.replicaSets()).toHaveLength(2);
  });

  it('replaces a deleted pod and shows it Terminating meanwhile', () => {
    const c = settled();
    const victim = c.pods()[0]?.metadata?.name ?? '';
    expect(c.kubectl(`delete pod ${victim}`)).toBe(`pod "${victim}" deleted\n`);
    c.advance('10ms');
    expect(c.kubectl('get pods')).toMatch(new RegExp(`${victim}\\s+1/1\\s+Terminating`));
    c.advance('10s');
    expect(c.pods()).toHaveLength(3);
    expect(c.pods().map((p) => p.metadata?.name)).not.toContain(victim);
  });

  it('answers typos and unknown objects in kubectl words', () => {
    const c = settled();
    expect(c.kubectl('sacle deployment/web --replicas=2')).toContain(
      'error: unknown command "sacle" for "kubectl"',
    );
    expect(c.kubectl('scale deployment/nope --replicas=2')).toBe(
      'Error from server (NotFound): deployments.apps "nope" not found\n',
    );
    expect(c.engine.exec('scale deployment/nope --replicas=2').exitCode).toBe(1);
  });

  it('validates a patch like the API server', () => {
    const c = settled();
    expect(c.kubectl(`patch deployment web -p '{"spec":{"replicas":-1}}'`)).toBe(
      'The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n',
    );
    expect(c.kubectl(`patch deployment web -p '{"spec":{"replicas":5}}'`)).toBe(
      'deployment.apps/web patched\n',
    );
    expect(c.kubectl(`patch deployment web -p '{"spec":{"replicas":5}}'`)).toBe(
      'deployment.apps/web patched (no change)\n',
    );
  });

  it('describes the Deployment with its conditions and events', () => {
    const out = settled().kubectl('describe deployment web');
    expect(out).toMatch(
      /Replicas:\s+3 desired \| 3 updated \| 3 total \| 3 available \| 0 unavailable/,
    );
    expect(out).toMatch(/RollingUpdateStrategy:\s+25% max unavailable, 25% max surge/);
    expect(out).toMatch(
      /Normal\s+ScalingReplicaSet\s+\S+\s+deployment-controller\s+Scaled up replica set web-\w+ from 0 to 3/,
    );
  });

  it('keeps printing rollout status until the rollout is done', () => {
    const c = settled();
    c.kubectl('set image deployment/web web=app:v2');
    c.engine.exec('rollout status deployment/web');
    c.advance('30s');
    const rec = c.engine.commands.at(-1);
    expect(rec?.exitCode).toBe(0);
    expect(rec?.output).toContain(
      'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...\n',
    );
    expect(rec?.output.trimEnd().split('\n').at(-1)).toBe(
      'deployment "web" successfully rolled out',
    );
  });
});
