import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Stage } from '../../src/ui/stage/Stage';
import { TextView } from '../../src/ui/stage/TextView';
import {
  columnWidth,
  curvePoint,
  mergeGhosts,
  podLabel,
  podLook,
  removedIds,
  routePoint,
  splitHash,
  tileSize,
  visibleReplicaSets,
} from '../../src/ui/stage/layout';
import type { TestSim } from '../support/simHarness';
import { renderWithSim, scenarioAt, seek } from '../support/ui';

function renderStage(sim: TestSim) {
  return renderWithSim(
    sim,
    <>
      <Stage />
      <TextView />
    </>,
  );
}

afterEach(cleanup);

const replicaSetLists = () => screen.getAllByRole('listbox', { name: /^ReplicaSet / });

describe('The stage during a ramped rollout', () => {
  it('shows one ReplicaSet with three ready, running pods before the rollout', async () => {
    renderStage(await scenarioAt('ramped', 10));
    const cluster = screen.getByRole('region', { name: 'Cluster' });
    const lists = within(cluster).getAllByRole('listbox', { name: /^ReplicaSet web-/ });
    expect(lists).toHaveLength(1);
    const pods = within(lists[0]!).getAllByRole('option');
    expect(pods).toHaveLength(3);
    for (const pod of pods)
      expect(pod).toHaveAccessibleName(/^web-\w+-\w+ Running ready nginx:1\.26$/);
    // One tab stop per list: the first pod; the others are reached with the arrow keys.
    expect(pods.map((p) => p.getAttribute('tabindex'))).toEqual(['0', '-1', '-1']);
    expect(within(cluster).getByText('20 req/s')).toBeInTheDocument();
    const service = within(cluster).getByRole('group', { name: 'Service web' });
    expect(within(service).getByText('app=web')).toBeInTheDocument();
    expect(within(service).getByText(/3 ready endpoints/)).toBeInTheDocument();
  });

  it('adds a second ReplicaSet column with the new version once the image changes', async () => {
    const sim = await scenarioAt('ramped', 10);
    renderStage(sim);
    await seek(sim, 16);
    const lists = replicaSetLists();
    expect(lists).toHaveLength(2);
    const newer = within(lists[1]!).getAllByRole('option');
    expect(newer).toHaveLength(1);
    expect(newer[0]).toHaveAccessibleName(/ (ContainerCreating|Running) .*nginx:1\.27/);
    const group = screen.getByRole('group', { name: 'Deployment web' });
    expect(
      within(group).getByText(/Waiting for deployment "web" rollout to finish: 1 out of 3/),
    ).toBeInTheDocument();
    expect(within(lists[1]!.parentElement!).getByText('rev 2')).toBeInTheDocument();
  });

  it('keeps the emptied old ReplicaSet as a slim column whose pods are no list items', async () => {
    const sim = await scenarioAt('ramped', 16);
    renderStage(sim);
    await seek(sim, 30);
    const [older, newer] = replicaSetLists();
    expect(within(newer!).getAllByRole('option')).toHaveLength(3);
    // The old pods fade out in place for a moment, hidden from assistive technology.
    expect(within(older!).queryAllByRole('option')).toHaveLength(0);
    expect(within(older!.parentElement!).getByText('scaled to 0')).toBeInTheDocument();
  });
});

describe('When the new version never becomes ready', () => {
  it('shows its pods running but not ready', async () => {
    renderStage(await scenarioAt('bad-version', 40));
    const notReady = screen.getAllByRole('option', { name: /Running not ready/ });
    expect(notReady).toHaveLength(2);
    for (const pod of notReady) expect(pod).toHaveAccessibleName(/registry\.example\/web:1\.1/);
  });
});

describe('When blue/green switches the Service selector', () => {
  it('shows the new selector text', async () => {
    const sim = await scenarioAt('blue-green', 20);
    renderStage(sim);
    const service = screen.getByRole('group', { name: 'Service web' });
    expect(within(service).getByText('app=web,version=blue')).toBeInTheDocument();
    await seek(sim, 35);
    expect(within(service).getByText('app=web,version=green')).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Deployment web-green' })).toBeInTheDocument();
  });
});

describe('When Recreate stops the old pods', () => {
  it('shows them as Terminating', async () => {
    renderStage(await scenarioAt('recreate', 15.5));
    const terminating = screen.getAllByRole('option', { name: / Terminating / });
    expect(terminating).toHaveLength(3);
  });
});

describe('Stage geometry', () => {
  it('shrinks tiles as a column fills up', () => {
    expect(tileSize(3)).toBe(32);
    expect(tileSize(60)).toBeLessThan(32);
    expect(tileSize(61)).toBe(12);
    expect(columnWidth(300)).toBeLessThan(520);
    expect(columnWidth(3)).toBeLessThan(columnWidth(40));
  });

  it('keeps the three newest ReplicaSets plus any with pods, oldest first', () => {
    const rs = (name: string, revision: number, pods: number) => ({
      name,
      revision,
      createdAt: revision,
      pods,
    });
    const shown = visibleReplicaSets([
      rs('e', 5, 0),
      rs('a', 1, 2),
      rs('b', 2, 0),
      rs('c', 3, 0),
      rs('d', 4, 3),
    ]);
    expect(shown.map((x) => x.name)).toEqual(['a', 'c', 'd', 'e']);
  });

  it('puts ghosts back where they were', () => {
    const gone = removedIds(['a', 'b', 'c', 'd'], ['a', 'c', 'e']);
    expect(gone).toEqual([
      { id: 'b', index: 1 },
      { id: 'd', index: 3 },
    ]);
    expect(mergeGhosts(['a', 'c', 'e'], gone)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('names and classifies pods', () => {
    expect(splitHash('web-6cfc788796')).toEqual({ base: 'web', hash: '6cfc788796' });
    expect(splitHash('web')).toEqual({ base: 'web', hash: '' });
    const p = { name: 'web-x-1', status: 'Running', ready: false, terminating: false };
    expect(podLook(p)).toBe('running');
    expect(podLook({ ...p, ready: true })).toBe('ready');
    expect(podLook({ ...p, status: 'ImagePullBackOff' })).toBe('failing');
    expect(podLook({ ...p, status: 'Terminating', terminating: true })).toBe('terminating');
    expect(podLook({ ...p, status: 'ContainerCreating' })).toBe('creating');
    expect(podLabel({ ...p, image: 'nginx:1.27', restarts: 0 })).toBe(
      'web-x-1 Running not ready nginx:1.27',
    );
  });

  it('routes a request from the client through the Service to the pod', () => {
    const route = {
      client: { x: 0, y: 0 },
      serviceIn: { x: 100, y: 50 },
      serviceOut: { x: 300, y: 50 },
      pod: { x: 600, y: 200 },
    };
    expect(routePoint(route, 0)).toEqual({ x: 0, y: 0 });
    expect(routePoint(route, 1)).toEqual({ x: 600, y: 200 });
    expect(routePoint({ ...route, pod: null }, 1)).toEqual({ x: 100, y: 50 });
    const mid = curvePoint({ x: 0, y: 0 }, { x: 100, y: 100 }, 0.5);
    expect(mid.x).toBeCloseTo(50);
    expect(mid.y).toBeCloseTo(50);
  });
});
