/** Client segments: their own groups and colours in the clients column, and the rules they take. */
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { clientGroups, segmentSlot } from '../../../src/ui/stage/segments';
import { play, renderStage, scenarioAt } from './stageTest';

afterEach(cleanup);

const segmentsList = () =>
  within(screen.getByRole('group', { name: 'Clients' })).getByRole('list', {
    name: 'Client segments',
  });

describe('When mobile user agents are routed to v2 (A/B)', () => {
  it('groups the clients by segment, each with its colour and share', async () => {
    renderStage(await scenarioAt('ab-user-agent', 30));
    const items = within(segmentsList()).getAllByRole('listitem');
    expect(items.map((li) => li.getAttribute('aria-label'))).toEqual([
      'mobile · iPhone 25%',
      'mobile · Android 15%',
      'desktop 60%',
    ]);
    expect(items.map((li) => li.getAttribute('data-s'))).toEqual(['0', '1', '2']);
    // Icons follow the share: the biggest group draws the most.
    const icons = items.map((li) => li.querySelectorAll('.client-icon').length);
    expect(icons[2]).toBeGreaterThan(icons[1]!);
    for (const li of items) {
      const seg = li.getAttribute('data-s');
      for (const icon of li.querySelectorAll('.client-icon'))
        expect(icon.getAttribute('data-seg')).toBe(seg);
    }
  });

  it('shows which segments take which rule: the phones the user-agent match, desktops the default', async () => {
    renderStage(await scenarioAt('ab-user-agent', 30));
    const box = screen.getByRole('group', { name: 'VirtualService storefront' });
    const [match, fallback] = within(box).getAllByRole('listitem', { name: /^Rule / });
    expect(match).toHaveAccessibleName('Rule 1: user-agent ~ .*(iPhone|Android).*');
    expect(within(match!).getByText('mobile · iPhone')).toHaveAttribute('data-s', '0');
    expect(within(match!).getByText('mobile · Android')).toHaveAttribute('data-s', '1');
    expect(
      within(match!).getByRole('listitem', { name: /^storefront v2: weight 100%/ }),
    ).toBeInTheDocument();
    expect(fallback).toHaveAccessibleName('Rule 2: default');
    expect(within(fallback!).getByText('desktop')).toHaveAttribute('data-s', '2');
    expect(within(fallback!).queryByText(/mobile/)).toBeNull();
    expect(
      within(fallback!).getByRole('listitem', { name: /^storefront v1: weight 100%/ }),
    ).toBeInTheDocument();
  });

  it('measures every phone request on v2 and every desktop request on v1', async () => {
    const sim = await scenarioAt('ab-user-agent', 30);
    renderStage(sim);
    await play(sim, 33, 5);
    const box = screen.getByRole('group', { name: 'VirtualService storefront' });
    expect(
      within(box).getByRole('listitem', { name: 'storefront v2: weight 100%, measured 100%' }),
    ).toBeInTheDocument();
    expect(
      within(box).getByRole('listitem', { name: 'storefront v1: weight 100%, measured 100%' }),
    ).toBeInTheDocument();
    // Dots take their segment's colour: the legend says which.
    const legend = screen.getByRole('list', { name: 'Request dots' });
    expect(within(legend).getByText('desktop').closest('li')).toHaveAttribute('data-s', '2');
  });
});

describe('When a cookie picks the beta group', () => {
  it('names segments by cookie, keeps a group for clients without one, and reads the cookie regex', async () => {
    renderStage(await scenarioAt('ab-cookie', 20));
    const items = within(segmentsList()).getAllByRole('listitem');
    expect(items.map((li) => li.getAttribute('aria-label'))).toEqual([
      'cookie group=beta 20%',
      'cookie group=control 50%',
      'no headers 30%',
    ]);
    const box = screen.getByRole('group', { name: 'VirtualService web' });
    expect(within(box).getByText('cookie ~ group=beta')).toBeInTheDocument();
  });
});

describe('Without segments', () => {
  it('draws one stack of clients and colours dots by version', async () => {
    renderStage(await scenarioAt('canary-istio-weights', 30));
    const clients = screen.getByRole('group', { name: 'Clients' });
    expect(within(clients).queryByRole('list')).toBeNull();
    expect(within(clients).getByText('100 req/s')).toBeInTheDocument();
    const legend = screen.getByRole('list', { name: 'Request dots' });
    expect(within(legend).getByText('version that served it')).toBeInTheDocument();
  });
});

describe('Client groups', () => {
  it('adds the clients in no segment and sizes the icon stacks by share', () => {
    const seg = (index: number, share: number, label: string) => ({
      index,
      share,
      label,
      headers: {},
    });
    expect(clientGroups([seg(0, 0.2, 'beta')])).toEqual([
      { segment: 0, label: 'beta', share: 0.2, icons: 1 },
      { segment: -1, label: 'other', share: 0.8, icons: 3 },
    ]);
    expect(clientGroups([seg(0, 0.5, 'a'), seg(1, 0.5, 'b')]).map((g) => g.segment)).toEqual([
      0, 1,
    ]);
    expect([segmentSlot(-1), segmentSlot(0), segmentSlot(5)]).toEqual([-1, 0, 1]);
  });
});
