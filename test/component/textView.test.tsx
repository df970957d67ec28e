/**
 * The text view as a person reads it: `kubectl get all` plus the mesh and Argo objects, in
 * kubectl's columns, from the real engine's frames; every pod of a big fleet reachable.
 */
import { act, cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { POD_PAGE, TextView } from '../../src/ui/stage/TextView';
import type { TestSim } from '../support/simHarness';
import { renderWithSim, scenarioAt, seek } from '../support/ui';

afterEach(cleanup);

function renderText(sim: TestSim) {
  renderWithSim(sim, <TextView />);
  return screen.getByRole('region', { name: 'Text view' });
}

/** The table's rows as arrays of cell texts (header row first). */
function cells(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole('row')
    .map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent ?? ''));
}

const tableNames = (view: HTMLElement) =>
  within(view)
    .getAllByRole('table')
    .map((t) => t.getAttribute('aria-label'));

describe('The text view of a ramped rollout', () => {
  it("reads like kubectl get all: pods, services, deployments, replica sets in kubectl's columns", async () => {
    const view = renderText(await scenarioAt('ramped', 16));
    expect(tableNames(view)).toEqual(['Pods', 'Services', 'Deployments', 'ReplicaSets']);
    const deployments = cells(within(view).getByRole('table', { name: 'Deployments' }));
    expect(deployments[0]).toEqual(['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE']);
    expect(deployments[1]).toEqual(['deployment.apps/web', '3/3', '1', '3', '16s']);
    const pods = cells(within(view).getByRole('table', { name: 'Pods' }));
    expect(pods[0]).toEqual(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'IMAGE']);
    expect(pods).toHaveLength(5);
    expect(pods.find((r) => r[2] === 'ContainerCreating')).toEqual([
      expect.stringMatching(/^pod\/web-/),
      '0/1',
      'ContainerCreating',
      '0',
      expect.stringMatching(/^[01]s$/),
      'nginx:1.27',
    ]);
  });
});

describe('The text view of an Istio canary', () => {
  it('lists the VirtualService, the DestinationRule and the routes with their weights', async () => {
    const view = renderText(await scenarioAt('canary-istio-weights', 30));
    expect(tableNames(view)).toEqual([
      'Pods',
      'Services',
      'Deployments',
      'ReplicaSets',
      'VirtualServices',
      'DestinationRules',
      'Routes of each VirtualService (in order: the first match wins)',
    ]);
    const vs = cells(within(view).getByRole('table', { name: 'VirtualServices' }));
    expect(vs[1]?.slice(0, 3)).toEqual(['virtualservice.networking.istio.io/web', '', '[web]']);
    const routes = cells(within(view).getByRole('table', { name: /^Routes/ }));
    expect(routes[1]).toEqual([
      'virtualservice.networking.istio.io/web',
      '#1',
      'default',
      'web v1 90%, web v2 10%',
      '<none>',
      '100%',
    ]);
  });
});

describe('The text view of an HPA scenario', () => {
  it('lists the HorizontalPodAutoscaler with its target and bounds', async () => {
    const view = renderText(await scenarioAt('hpa-rolling-update', 40));
    const hpa = cells(within(view).getByRole('table', { name: 'HorizontalPodAutoscalers' }));
    expect(hpa[0]).toEqual([
      'NAME',
      'REFERENCE',
      'TARGETS',
      'MINPODS',
      'MAXPODS',
      'REPLICAS',
      'AGE',
    ]);
    expect(hpa[1]?.slice(0, 5)).toEqual([
      'horizontalpodautoscaler.autoscaling/web',
      'Deployment/web',
      expect.stringMatching(/^cpu: \d+%\/50%$/),
      '2',
      '10',
    ]);
  });
});

describe('The text view of the legacy and Argo scenarios', () => {
  it('lists ReplicationControllers', async () => {
    const view = renderText(await scenarioAt('legacy-rolling-update-interrupted', 60));
    const rcs = cells(within(view).getByRole('table', { name: 'ReplicationControllers' }));
    expect(rcs.map((r) => r.slice(0, 4))).toEqual([
      ['NAME', 'DESIRED', 'CURRENT', 'READY'],
      ['replicationcontroller/frontend', '2', '2', '2'],
      [expect.stringMatching(/^replicationcontroller\/frontend-[0-9a-f]{32}$/), '2', '2', '2'],
    ]);
  });

  it('lists Rollouts', async () => {
    const view = renderText(await scenarioAt('argo-canary-istio', 40));
    const rollouts = cells(within(view).getByRole('table', { name: 'Rollouts' }));
    expect(rollouts[0]).toEqual(['NAME', 'DESIRED', 'CURRENT', 'UP-TO-DATE', 'AVAILABLE', 'AGE']);
    expect(rollouts[1]?.[0]).toBe('rollout.argoproj.io/web');
  });
});

describe('The text view of a big fleet', () => {
  it('keeps every pod reachable: the first page, then all of them on request', async () => {
    const sim = await scenarioAt('big-fleet', 5);
    await act(async () => {
      await sim.store.getState().exec('kubectl scale deployment web --replicas=560');
    });
    await seek(sim, 6);
    // Plain DOM queries here: jsdom computes roles and names slowly over thousands of cells.
    const { container } = renderWithSim(sim, <TextView />);
    const total = sim.store.getState().frame!.pods.length;
    expect(total).toBeGreaterThan(POD_PAGE);
    const rows = () => container.querySelectorAll('table[aria-label="Pods"] tbody tr').length;
    expect(rows()).toBe(POD_PAGE);
    const more = container.querySelector('button')!;
    expect(more).toHaveTextContent(`Show all ${total} pods (${total - POD_PAGE} more)`);
    await userEvent.click(more);
    expect(rows()).toBe(total);
  }, 30_000);
});
