/** The route box: a VirtualService's rules in order, weights against the measured split, mirrors. */
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { selectLinksKey } from '../../../src/ui/stage/stageSelectors';
import { measuredPercent, play, renderStage, scenarioAt, seek } from './stageTest';

afterEach(cleanup);

const routeBox = (name: string) => screen.getByRole('group', { name: `VirtualService ${name}` });
const dest = (box: HTMLElement, name: RegExp) => within(box).getByRole('listitem', { name });

describe('When Istio weights split traffic 90/10', () => {
  it('draws the route between clients and Service with its weights and the measured split', async () => {
    const sim = await scenarioAt('canary-istio-weights', 26);
    renderStage(sim);
    await play(sim, 36, 5);
    const box = routeBox('web');
    const rules = within(box).getAllByRole('listitem', { name: /^Rule / });
    expect(rules.map((r) => r.getAttribute('aria-label'))).toEqual(['Rule 1: default']);
    const v1 = dest(box, /^web v1: weight 90%/);
    const v2 = dest(box, /^web v2: weight 10%/);
    expect(v1).toHaveTextContent('nginx:1.26 · 3/3 ready');
    expect(v2).toHaveTextContent('nginx:1.27 · 3/3 ready');
    // 10 s at 100 rps: about 1000 requests, 10% of them to v2 whatever the replica counts (3:3).
    const m1 = measuredPercent(v1.getAttribute('aria-label')!);
    const m2 = measuredPercent(v2.getAttribute('aria-label')!);
    expect(m1 + m2).toBeCloseTo(100, 0);
    expect(Math.abs(m2 - 10)).toBeLessThan(4);
    expect(v2).toHaveTextContent(/10%measured \d+(\.\d)?%/);
    // The route box sits in the stage beside the Service it routes to.
    const cluster = screen.getByRole('region', { name: 'Cluster' });
    expect(within(cluster).getByRole('group', { name: 'Service web' })).toBeInTheDocument();
  });

  it('has a slider on the split that patches the VirtualService, as kubectl would', async () => {
    const sim = await scenarioAt('canary-istio-weights', 30);
    renderStage(sim);
    const slider = screen.getByRole('slider', {
      name: 'Split of rule 1 between web v1 and web v2',
    });
    expect(slider).toHaveValue('90');
    expect(slider).toHaveAttribute('aria-valuetext', 'web v1 90%, web v2 10%');
    await act(async () => {
      fireEvent.change(slider, { target: { value: '70' } });
      fireEvent.pointerUp(slider);
    });
    await waitFor(() => expect(dest(routeBox('web'), /^web v2: weight 30%/)).toBeInTheDocument());
    expect(dest(routeBox('web'), /^web v1: weight 70%/)).toBeInTheDocument();
    const typed = sim.store.getState().console.map((c) => c.line);
    expect(typed).toContain(
      `patch virtualservice web --type=json -p '[{"op":"add","path":"/spec/http/0/route/0/weight","value":70},{"op":"add","path":"/spec/http/0/route/1/weight","value":30}]'`,
    );
    expect(sim.store.getState().console.at(-1)?.output).toBe(
      'virtualservice.networking.istio.io/web patched\n',
    );
  });

  it('shows a single default route to v1 before the weights change', async () => {
    const sim = await scenarioAt('canary-istio-weights', 20);
    renderStage(sim);
    const box = routeBox('web');
    expect(within(box).getAllByRole('listitem', { name: /^web v/ })).toHaveLength(1);
    expect(dest(box, /^web v1: weight 100%/)).toBeInTheDocument();
    expect(within(box).queryByRole('slider')).toBeNull();
  });
});

describe('When a route mirrors requests', () => {
  it('shows the mirror dashed, with its percent and that responses are dropped', async () => {
    const sim = await scenarioAt('shadow-mirror', 30);
    renderStage(sim);
    const box = routeBox('checkout');
    const mirror = within(box).getByRole('listitem', {
      name: 'mirror 100% to checkout v2 (responses dropped)',
    });
    expect(mirror).toHaveClass('rule-mirror');
    expect(mirror).toHaveTextContent(/mirror 100% → v2 · checkout\(responses dropped\)/);
    expect(dest(box, /^checkout v1: weight 100%/)).toBeInTheDocument();
    await play(sim, 32, 5);
    // About 50 copies a second (every request, 50 rps).
    const copies = Number(/(\d+(?:\.\d)?) copies\/s/.exec(mirror.textContent ?? '')?.[1]);
    expect(copies).toBeGreaterThan(30);
    expect(copies).toBeLessThan(75);
    // Arrows: clients → route box, the destination → its Service, the mirror dashed.
    const links = selectLinksKey(sim.store.getState()).split('\n');
    expect(links.slice(0, 3)).toEqual([
      'c:client>r:checkout',
      'r:checkout#0#0>s:checkout',
      'r:checkout#0#m>s:checkout|mirror',
    ]);
    await seek(sim, 62);
    expect(
      within(routeBox('checkout')).getByRole('listitem', {
        name: 'mirror 50% to checkout v2 (responses dropped)',
      }),
    ).toBeInTheDocument();
  });
});

describe('Without a VirtualService', () => {
  it('draws no route box', async () => {
    renderStage(await scenarioAt('ramped', 10));
    expect(screen.queryByRole('group', { name: /^VirtualService / })).toBeNull();
    expect(screen.getByRole('region', { name: 'Cluster' })).not.toHaveAttribute('data-mesh');
  });
});
