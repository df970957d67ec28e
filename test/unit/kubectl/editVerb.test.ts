/**
 * `kubectl edit` and the editor's Apply through the worker API: kubectl's file (header and
 * object), `deployment.apps/web edited` on save, `Edit cancelled, no changes made.` when the
 * file comes back unchanged, kubectl's answer where no editor exists (steps, the runner), and
 * both kinds of applied text replayed after a seek back.
 */
import { describe, expect, it } from 'vitest';
import { createSimApi } from '../../../src/worker/api';
import { deploymentYaml } from '../../support/TestCluster';
import { decodeActions, encodeActions } from '../../../src/store/url';

const SCENARIO = deploymentYaml({ replicas: 3 }, '  duration: 120s\n');

async function loaded() {
  const api = createSimApi({ now: () => 0, after: () => () => undefined });
  const r = await api.load(SCENARIO, 'edit.yaml');
  if (!r.ok) throw new Error(r.errors.join('\n'));
  await api.seek(20_000);
  return api;
}

const replicaSets = async (api: Awaited<ReturnType<typeof loaded>>) =>
  (await api.exec('get rs -o name')).output.trim().split('\n');

const replicas = async (api: Awaited<ReturnType<typeof loaded>>) =>
  (
    JSON.parse((await api.exec('get deployment web -o json')).output) as {
      spec: { replicas: number };
    }
  ).spec.replicas;

describe('kubectl edit in the console', () => {
  it('opens the object under kubectl\'s header, and saving a change prints "edited"', async () => {
    const api = await loaded();
    const open = await api.openEdit('edit deployment/web');
    if (!open.ok) throw new Error(open.result.output);
    expect(
      open.text.startsWith(
        "# Please edit the object below. Lines beginning with a '#' will be ignored,\n" +
          '# and an empty file will abort the edit. If an error occurs while saving this file will be\n' +
          '# reopened with the relevant failures.\n#\napiVersion: apps/v1\nkind: Deployment\n',
      ),
    ).toBe(true);
    const edited = open.text.replace('image: app:v1', 'image: app:v2');
    expect(edited).not.toBe(open.text);
    const saved = await api.saveEdit('edit deployment/web', open.text, edited);
    expect(saved).toMatchObject({ output: 'deployment.apps/web edited\n', exitCode: 0 });
    await api.seek(21_000);
    expect(await replicaSets(api)).toHaveLength(2);
  });

  it('takes `edit deploy web` as the same object, and says when it does not exist', async () => {
    const api = await loaded();
    const a = await api.openEdit('edit deploy web');
    const b = await api.openEdit('edit deployment/web');
    expect(a).toEqual(b);
    const missing = await api.openEdit('edit deployment/nope');
    expect(missing).toMatchObject({
      ok: false,
      result: { output: 'Error from server (NotFound): deployments.apps "nope" not found\n' },
    });
  });

  it('cancels an unchanged file, comments aside, and remembers nothing', async () => {
    const api = await loaded();
    const open = await api.openEdit('edit deployment/web');
    if (!open.ok) throw new Error(open.result.output);
    const r = await api.saveEdit('edit deployment/web', open.text, `# a note\n${open.text}`);
    expect(r.output).toBe('Edit cancelled, no changes made.\n');
    expect(await api.actions()).toEqual([]);
  });

  it("refuses an invalid change in the API server's words and changes nothing", async () => {
    const api = await loaded();
    const open = await api.openEdit('edit deployment/web');
    if (!open.ok) throw new Error(open.result.output);
    const r = await api.saveEdit(
      'edit deployment/web',
      open.text,
      open.text.replace('replicas: 3', 'replicas: -1'),
    );
    expect(r.exitCode).toBe(1);
    expect(r.output).toContain('spec.replicas: Invalid value: -1');
    expect(await replicas(api)).toBe(3);
  });

  it('answers as kubectl does without an editor when a step or the runner runs it', async () => {
    const api = await loaded();
    expect(await api.exec('edit deployment/web')).toMatchObject({
      output: 'error: unable to launch the editor "vi"\n',
      exitCode: 1,
    });
    expect((await api.exec('edit')).output).toContain(
      'You must provide one or more resources by argument or filename.',
    );
  });
});

describe("the editor's Apply", () => {
  it('prints what kubectl apply prints per object and starts a rollout on a template change', async () => {
    const api = await loaded();
    const r = await api.applyText(SCENARIO.replace('image: app:v1', 'image: app:v2'), 'web.yaml');
    expect(r).toMatchObject({
      output: 'deployment.apps/web configured\nservice/web unchanged\n',
      exitCode: 0,
    });
    await api.seek(21_000);
    expect(await replicaSets(api)).toHaveLength(2);
  });

  it('takes manifests alone, without a Scenario document', async () => {
    const api = await loaded();
    const deployment = deploymentYaml({ replicas: 5 }).split('---')[0] ?? '';
    const r = await api.applyText(deployment, 'web.yaml');
    expect(r.output).toBe('deployment.apps/web configured\n');
  });

  it('applies nothing from an invalid text', async () => {
    const api = await loaded();
    const bad = SCENARIO.replace('image: app:v1', 'image: app:v2').replace(
      'replicas: 3',
      'replicas: -3',
    );
    const r = await api.applyText(bad, 'web.yaml');
    expect(r.exitCode).toBe(1);
    expect(r.output).toContain('spec.replicas: Invalid value: -3');
    await api.seek(21_000);
    expect(await replicaSets(api)).toHaveLength(1);
  });

  it('is replayed after a seek back, as the other actions are', async () => {
    const api = await loaded();
    await api.applyText(SCENARIO.replace('image: app:v1', 'image: app:v2'), 'web.yaml');
    const open = await api.openEdit('edit deployment/web');
    if (!open.ok) throw new Error(open.result.output);
    await api.saveEdit(
      'edit deployment/web',
      open.text,
      open.text.replace('replicas: 3', 'replicas: 4'),
    );
    const kinds = (await api.actions()).map((a) => a.kind);
    expect(kinds).toEqual(['applyText', 'applyText']);
    await api.seek(5_000);
    await api.seek(60_000);
    expect(await replicas(api)).toBe(4);
    expect(await replicaSets(api)).toHaveLength(2);
  });

  it('travels in a link and replays to the same cluster', async () => {
    const api = await loaded();
    await api.applyText(SCENARIO.replace('image: app:v1', 'image: app:v2'), 'web.yaml');
    const open = await api.openEdit('edit deployment/web');
    if (!open.ok) throw new Error(open.result.output);
    await api.saveEdit(
      'edit deployment/web',
      open.text,
      open.text.replace('replicas: 3', 'replicas: 4'),
    );
    const actions = await api.actions();
    const decoded = await decodeActions(await encodeActions(actions));
    expect(decoded).toEqual(actions);
    const other = await loaded();
    await other.restore(decoded, 60_000);
    expect(await replicas(other)).toBe(4);
    expect(await replicaSets(other)).toHaveLength(2);
  });
});
