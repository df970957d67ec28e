/**
 * Big fleets on the stage: a ReplicaSet whose pods no longer fit as tiles shows them counted by
 * STATUS (the same counts `kubectl get pods` prints), and each pod list is one tab stop that
 * the arrow keys move within.
 */
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { TestSim } from '../../support/simHarness';
import { deploymentYaml } from '../../support/TestCluster';
import { renderStage, scenarioAt, seek } from './stageTest';

afterEach(cleanup);

async function kubectl(sim: TestSim, line: string): Promise<string> {
  let out = '';
  await act(async () => {
    out = (await sim.store.getState().exec(line)).output;
  });
  return out;
}

/** The rows of a ReplicaSet's "pods by status" table, as status → count. */
function countsOf(table: HTMLElement): Map<string, number> {
  return new Map(
    within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => [
        within(row).getByRole('rowheader').textContent ?? '',
        Number(within(row).getByRole('cell', { name: /^\d+$/ }).textContent),
      ]),
  );
}

/** The same counts from `kubectl get pods`: STATUS, with readiness for Running pods. */
function countsFromGetPods(out: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const line of out.trim().split('\n').slice(1)) {
    const [, ready, status = ''] = line.split(/\s+/);
    const label = status === 'Running' ? `Running, ${ready === '1/1' ? '' : 'not '}ready` : status;
    m.set(label, (m.get(label) ?? 0) + 1);
  }
  return m;
}

const table = () => screen.queryByRole('table', { name: /^ReplicaSet web-\w+: pods by status$/ });
const tiles = () => screen.queryAllByRole('option');

describe('A ReplicaSet too big for its tiles', () => {
  it('draws 300 pods as tiles and counts 1 500 by status, as kubectl get pods does', async () => {
    const sim = await scenarioAt('big-fleet', 5);
    renderStage(sim);
    // A jump of hundreds of tiles mounts a chunk per animation frame.
    expect(tiles().length).toBeLessThan(300);
    await waitFor(() => expect(tiles()).toHaveLength(300), { timeout: 20_000 });
    expect(table()).toBeNull();

    await kubectl(sim, 'scale deployment/web --replicas=1500');
    // Mid-way: pods pending, being created and starting, each counted under its STATUS.
    for (const t of [5.5, 7, 12]) {
      await seek(sim, t);
      const shown = table();
      expect(shown).not.toBeNull();
      const expected = countsFromGetPods(await kubectl(sim, 'get pods'));
      expect(countsOf(shown!)).toEqual(expected);
      expect([...expected.values()].reduce((a, b) => a + b, 0)).toBe(1500);
    }
    // Ten nodes of 110 pods: 1 100 serve, 400 wait.
    expect(countsOf(table()!)).toEqual(
      new Map([
        ['Pending', 400],
        ['Running, ready', 1100],
      ]),
    );
    expect(tiles()).toHaveLength(0);
  }, 30_000);

  it('switches at 337 pods, and back to tiles only well below', async () => {
    const sim = await scenarioAt('big-fleet', 5);
    renderStage(sim);
    const scaleTo = async (n: number, t: number) => {
      await kubectl(sim, `scale deployment/web --replicas=${n}`);
      await seek(sim, t);
    };
    await scaleTo(336, 6);
    expect(table()).toBeNull();
    await waitFor(() => expect(tiles()).toHaveLength(336), { timeout: 20_000 });
    await scaleTo(337, 7);
    expect(table()).not.toBeNull();
    expect(tiles()).toHaveLength(0);
    // 320 still counted (no flicker around the limit); 300 are tiles again.
    await scaleTo(320, 8);
    expect(table()).not.toBeNull();
    await scaleTo(300, 15);
    expect(table()).toBeNull();
    await waitFor(() => expect(tiles()).toHaveLength(300), { timeout: 20_000 });
  }, 30_000);
});

describe('A pod list on the keyboard', () => {
  it('is one tab stop; arrows, Home and End move within it', async () => {
    const sim = await scenarioAt(deploymentYaml({ replicas: 12 }, '  duration: 60s\n'), 10);
    renderStage(sim);
    const user = userEvent.setup();
    const list = screen.getByRole('listbox', { name: /^ReplicaSet web-/ });
    const pods = within(list).getAllByRole('option');
    expect(pods).toHaveLength(12);
    expect(pods.filter((p) => p.tabIndex === 0)).toHaveLength(1);

    // Tiles laid out five to a row, 20 px apart (jsdom has no layout of its own).
    const index = (el: HTMLElement) => pods.indexOf(el);
    const place = (axis: 'offsetTop' | 'offsetLeft') =>
      Object.defineProperty(HTMLElement.prototype, axis, {
        configurable: true,
        get(this: HTMLElement) {
          const i = index(this);
          return i < 0 ? 0 : axis === 'offsetTop' ? Math.floor(i / 5) * 20 : (i % 5) * 20;
        },
      });
    place('offsetTop');
    place('offsetLeft');
    try {
      await user.tab();
      expect(document.activeElement).toBe(pods[0]);
      await user.keyboard('{ArrowRight}{ArrowRight}');
      expect(document.activeElement).toBe(pods[2]);
      await user.keyboard('{ArrowDown}');
      expect(document.activeElement).toBe(pods[7]);
      await user.keyboard('{ArrowDown}');
      // The last row holds two pods: the nearest one.
      expect(document.activeElement).toBe(pods[11]);
      await user.keyboard('{ArrowUp}{ArrowLeft}');
      expect(document.activeElement).toBe(pods[5]);
      await user.keyboard('{End}');
      expect(document.activeElement).toBe(pods[11]);
      await user.keyboard('{ArrowRight}');
      expect(document.activeElement).toBe(pods[11]);
      await user.keyboard('{Home}');
      expect(document.activeElement).toBe(pods[0]);
      await user.keyboard('{ArrowRight}');
      // Still one tab stop, on the pod last focused: Tab leaves, Shift+Tab comes back to it.
      expect(pods.map((p) => p.tabIndex).filter((t) => t === 0)).toHaveLength(1);
      expect(pods[1]!.tabIndex).toBe(0);
      await user.tab();
      expect(list.contains(document.activeElement)).toBe(false);
      await user.tab({ shift: true });
      expect(document.activeElement).toBe(pods[1]);
      expect(document.activeElement).toHaveAccessibleName(/^web-\w+-\w+ Running ready app:v1$/);
    } finally {
      delete (HTMLElement.prototype as unknown as Record<string, unknown>).offsetTop;
      delete (HTMLElement.prototype as unknown as Record<string, unknown>).offsetLeft;
    }
  });
});
