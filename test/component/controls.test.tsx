/** Playback, Deployment controls, keyboard and the App's links, against the real engine. */
import { readFileSync } from 'node:fs';
import { catalogPath } from '../support/catalog';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { catalogText, createTestSim } from '../support/simHarness';
import { renderWithSim, seek } from '../support/ui';
import { PlaybackBar } from '../../src/ui/controls/PlaybackBar';
import { DeploymentPanel } from '../../src/ui/controls/DeploymentPanel';
import { useKeyboard } from '../../src/ui/useKeyboard';
import { App } from '../../src/ui/App';
import { encodeActions } from '../../src/store/url';

// What the app fetches from scenarios/ (relative to the page), read from the project root (under jsdom,
// `import.meta.url` is not a file URL).

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

const clock = () => screen.getByRole('timer', { name: 'Simulated clock' });

describe('The playback bar', () => {
  it('toggles Play and Pause', async () => {
    const sim = await createTestSim('ramped');
    await sim.at(0);
    const user = userEvent.setup();
    renderWithSim(sim, <PlaybackBar />);
    await user.click(screen.getByRole('button', { name: 'Play' }));
    expect(await screen.findByRole('button', { name: 'Pause' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Pause' }));
    expect(await screen.findByRole('button', { name: 'Play' })).toBeInTheDocument();
  });

  it('steps the clock forward to the next controller action', async () => {
    const sim = await createTestSim('ramped');
    await sim.at(14.9);
    const user = userEvent.setup();
    renderWithSim(sim, <PlaybackBar />);
    expect(clock()).toHaveTextContent('0:14.9');
    await user.click(screen.getByRole('button', { name: 'Step' }));
    await waitFor(() => expect(clock()).not.toHaveTextContent('0:14.9'));
    expect(clock().textContent).toMatch(/^0:1[5-9]\.\d$/);
  });

  it('seeks with the time slider and offers every speed', async () => {
    const sim = await createTestSim('ramped');
    await sim.at(0);
    renderWithSim(sim, <PlaybackBar />);
    const range = screen.getByRole('slider', { name: 'Simulated time' });
    expect(range).toHaveAttribute('max', '60000');
    expect(range).toHaveAttribute('step', '100');
    fireEvent.change(range, { target: { value: '20000' } });
    await waitFor(() => expect(clock()).toHaveTextContent('0:20.0'));
    const speed = screen.getByRole('combobox', { name: 'Speed' });
    expect(
      within(speed)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['0.25×', '0.5×', '1×', '2×', '5×', '10×', '25×', '100×']);
    await userEvent.setup().selectOptions(speed, '5');
    await waitFor(() => expect(sim.store.getState().playback.speed).toBe(5));
  });
});

describe('The keyboard', () => {
  function Keys() {
    useKeyboard();
    return (
      <>
        <PlaybackBar />
        <input aria-label="elsewhere" />
      </>
    );
  }

  it('plays and pauses with space, but not while typing', async () => {
    const sim = await createTestSim('ramped');
    await sim.at(0);
    const user = userEvent.setup();
    renderWithSim(sim, <Keys />);
    await user.keyboard(' ');
    expect(await screen.findByRole('button', { name: 'Pause' })).toBeInTheDocument();
    await user.click(screen.getByRole('textbox', { name: 'elsewhere' }));
    await user.keyboard(' ');
    expect(screen.getByRole('button', { name: 'Pause' })).toBeInTheDocument();
  });

  it('steps with →', async () => {
    const sim = await createTestSim('ramped');
    await sim.at(14.9);
    const user = userEvent.setup();
    renderWithSim(sim, <Keys />);
    await user.keyboard('{ArrowRight}');
    await waitFor(() => expect(clock()).not.toHaveTextContent('0:14.9'));
  });
});

describe('When the maxSurge slider moves', () => {
  it('sends the patch and shows the resolved numbers', async () => {
    const sim = await createTestSim('ramped');
    await sim.at(5);
    renderWithSim(sim, <DeploymentPanel />);
    expect(screen.getByText('maxSurge 25% → 1 pod · at most 4 pods')).toBeInTheDocument();
    expect(
      screen.getByText('maxUnavailable 25% → 0 pods · at least 3 available'),
    ).toBeInTheDocument();

    fireEvent.change(screen.getByRole('slider', { name: 'maxSurge' }), {
      target: { value: '50' },
    });
    expect(await screen.findByText('maxSurge 50% → 2 pods · at most 5 pods')).toBeInTheDocument();
    expect(sim.store.getState().console.at(-1)?.line).toBe(
      `patch deployment web -p '{"spec":{"strategy":{"rollingUpdate":{"maxSurge":"50%"}}}}'`,
    );

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'maxSurge as a pod count' }));
    expect(await screen.findByText('maxSurge 2 → 2 pods · at most 5 pods')).toBeInTheDocument();
    fireEvent.change(screen.getByRole('slider', { name: 'maxSurge' }), { target: { value: '3' } });
    expect(await screen.findByText('maxSurge 3 → 3 pods · at most 6 pods')).toBeInTheDocument();
    expect(sim.store.getState().console.at(-1)?.line).toBe(
      `patch deployment web -p '{"spec":{"strategy":{"rollingUpdate":{"maxSurge":3}}}}'`,
    );
  });

  it('scales with the replicas slider, and percentages resolve against the new count', async () => {
    const sim = await createTestSim('ramped');
    await sim.at(5);
    renderWithSim(sim, <DeploymentPanel />);
    fireEvent.change(screen.getByRole('slider', { name: 'replicas' }), { target: { value: '5' } });
    expect(await screen.findByText('maxSurge 25% → 2 pods · at most 7 pods')).toBeInTheDocument();
    expect(
      screen.getByText('maxUnavailable 25% → 1 pod · at least 4 available'),
    ).toBeInTheDocument();
    expect(sim.store.getState().console.at(-1)?.line).toBe('scale deployment/web --replicas=5');
  });

  it('shows kubectl refusing maxSurge 0 with maxUnavailable 0', async () => {
    const sim = await createTestSim('ramped');
    await sim.at(5);
    const user = userEvent.setup();
    renderWithSim(sim, <DeploymentPanel />);
    await user.click(screen.getByRole('button', { name: 'maxUnavailable as a pod count' }));
    expect(
      await screen.findByText('maxUnavailable 0 → 0 pods · at least 3 available'),
    ).toBeVisible();
    fireEvent.change(screen.getByRole('slider', { name: 'maxSurge' }), { target: { value: '0' } });
    expect(await screen.findByRole('alert')).toHaveTextContent(/may not be 0/);
    expect(screen.getByText('maxSurge 25% → 1 pod · at most 4 pods')).toBeInTheDocument();
  });
});

describe('Deploy new version', () => {
  it('starts a rollout: a new ReplicaSet appears', async () => {
    const sim = await createTestSim('ramped');
    await sim.at(5);
    const user = userEvent.setup();
    renderWithSim(sim, <DeploymentPanel />);
    expect(sim.store.getState().frame?.replicaSets).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Deploy new version' }));
    await seek(sim, 7);
    expect(sim.store.getState().frame?.replicaSets).toHaveLength(2);
    expect(screen.getByText('revision 2')).toBeInTheDocument();
    expect(screen.getByText(/^nginx:1\.27 · RollingUpdate/)).toBeInTheDocument();
    expect(screen.getByText('→ nginx:1.28')).toBeInTheDocument();
    const controller = screen.getByLabelText('Deployment controller');
    expect(controller).toHaveTextContent(/scaled up web-\w+ from 0 to 1/);
    expect(screen.getByRole('list', { name: 'Conditions' })).toHaveTextContent(
      /Progressing True ReplicaSetUpdated/,
    );
  });
});

describe('When the strategy is Recreate', () => {
  it('says maxSurge and maxUnavailable do not apply', async () => {
    const sim = await createTestSim('recreate');
    await sim.at(5);
    renderWithSim(sim, <DeploymentPanel />);
    expect(screen.getByText(/do not apply/)).toBeInTheDocument();
    expect(screen.getByRole('slider', { name: 'maxSurge' })).toBeDisabled();
    expect(screen.getByRole('slider', { name: 'maxUnavailable' })).toBeDisabled();
    expect(screen.getByRole('slider', { name: 'replicas' })).toBeEnabled();
  });
});

describe('Traffic and pod start time', () => {
  it('change the request rate and the start time as recorded actions', async () => {
    const sim = await createTestSim('ramped');
    await sim.at(5);
    renderWithSim(sim, <DeploymentPanel />);
    fireEvent.change(screen.getByRole('slider', { name: 'requests per second' }), {
      target: { value: '200' },
    });
    await waitFor(() => expect(sim.store.getState().frame?.traffic.rps).toBe(200));
    fireEvent.change(screen.getByRole('slider', { name: 'pod start time' }), {
      target: { value: '6000' },
    });
    await waitFor(async () =>
      expect(await sim.store.getState().actionLog()).toContainEqual({
        t: 5000,
        kind: 'startTime',
        ms: 6000,
      }),
    );
  });
});

describe('The app', { timeout: 20_000 }, () => {
  function stubCatalog() {
    vi.stubGlobal('fetch', async (url: string) => {
      const name = String(url).replace(/^.*scenarios\//, '');
      try {
        const body = readFileSync(catalogPath(name), 'utf8');
        return { ok: true, status: 200, text: async () => body };
      } catch {
        return { ok: false, status: 404, text: async () => '' };
      }
    });
  }

  async function renderApp(search: string, waitForLoad = true) {
    stubCatalog();
    window.history.replaceState(null, '', `/${search}`);
    // Loaded as text, the harness names it "test": then wait for the App's own load.
    const sim = await createTestSim(catalogText('ramped'));
    renderWithSim(sim, <App />);
    if (!waitForLoad) return sim;
    await waitFor(() => {
      const s = sim.store.getState();
      expect(s.status === 'ready' && s.scenarioId !== 'test').toBe(true);
    });
    return sim;
  }

  it('lays out the scenario, playback, controls and the bottom tabs', async () => {
    await renderApp('?scenario=ramped');
    expect(await screen.findByRole('heading', { name: /Ramped: rolling update/ })).toBeVisible();
    expect(screen.getByRole('combobox', { name: 'Scenario' })).toHaveValue('ramped');
    expect(screen.getByRole('button', { name: 'Play' })).toBeInTheDocument();
    expect(await screen.findByRole('region', { name: 'Cluster' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Events' })).toBeInTheDocument();
    const tabs = screen.getByRole('tablist', { name: 'Details' });
    expect(
      within(tabs)
        .getAllByRole('tab')
        .map((t) => t.textContent),
    ).toEqual(['Events', 'Console', 'Steps', 'Text view']);
    await userEvent.setup().click(within(tabs).getByRole('tab', { name: 'Steps' }));
    expect(screen.getByRole('list', { name: 'Steps' })).toHaveTextContent('0:15');
  });

  it('restores time and actions from a link', async () => {
    const a = await encodeActions([
      { t: 3000, kind: 'kubectl', line: 'scale deployment/web --replicas=5' },
    ]);
    await renderApp(`?scenario=ramped&t=20&speed=2&a=${a}`, false);
    // The action changes the cluster: the person is asked first.
    const dialog = await screen.findByRole('dialog', { name: 'Replay actions from this link?' });
    expect(dialog).toHaveTextContent('0:03kubectl scale deployment/web --replicas=5');
    await userEvent.setup().click(within(dialog).getByRole('button', { name: 'Replay 1 action' }));
    expect(await screen.findByText('maxSurge 25% → 2 pods · at most 7 pods')).toBeInTheDocument();
    expect(clock()).toHaveTextContent('0:20.0');
    expect(screen.getByRole('combobox', { name: 'Speed' })).toHaveValue('2');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('falls back to the plain scenario on a broken link, and says why', async () => {
    await renderApp('?scenario=ramped&t=12&a=%%%%');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      `error: the link's "a" parameter is not valid: it is not base64url text`,
    );
    expect(await screen.findByRole('heading', { name: /Ramped/ })).toBeInTheDocument();
    expect(await screen.findByText('maxSurge 25% → 1 pod · at most 4 pods')).toBeInTheDocument();
  });

  it('names an unknown scenario and shows the default one', async () => {
    await renderApp('?scenario=no-such-thing');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /no catalog scenario is called "no-such-thing"/,
    );
    expect(await screen.findByRole('heading', { name: /Ramped/ })).toBeInTheDocument();
  });

  it('writes what is on screen into the address bar', async () => {
    const sim = await renderApp('?scenario=ramped');
    await screen.findByRole('heading', { name: /Ramped/ });
    await act(() => sim.store.getState().exec('scale deployment/web --replicas=4'));
    await waitFor(() => expect(window.location.search).toMatch(/^\?scenario=ramped&a=1\.[\w-]+$/), {
      timeout: 2000,
    });
  });
});
