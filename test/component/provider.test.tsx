/**
 * A provider given a way to connect owns its simulation: it connects, creates the store over
 * that API, pulls frames into it every animation frame, and ends all of it when unmounted.
 * Two providers are two simulations.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { useEffect } from 'react';
import { createSimApi } from '../../src/worker/api';
import type { SimConnection } from '../../src/worker/protocol';
import { SimStoreProvider, useSim, useSimStore } from '../../src/store/SimStoreProvider';
import { catalogText } from '../support/simHarness';

afterEach(cleanup);

/** Loads `id` and shows the newest frame's time, as the app's first components do. */
function Probe({ id, label }: { id: string; label: string }) {
  const store = useSimStore();
  const t = useSim((s) => s.frame?.t ?? null);
  const scenario = useSim((s) => s.scenarioId);
  useEffect(() => {
    void store.getState().load(id, catalogText(id));
  }, [store, id]);
  return <p aria-label={label}>{t === null ? 'no frame' : `${scenario} at ${t} ms`}</p>;
}

/** An in-process simulation whose connections and pulls are counted. */
function connection() {
  const closed = vi.fn();
  const api = createSimApi({ now: () => 0, after: () => () => undefined });
  const pull = vi.fn(api.pull);
  const connect = vi.fn((): SimConnection => ({ api: { ...api, pull }, close: closed }));
  return { connect, closed, pull, api };
}

describe('A simulation provider', () => {
  it('connects, pulls frames into its own store every animation frame, and closes when unmounted', async () => {
    const sim = connection();
    const view = render(
      <SimStoreProvider connect={sim.connect}>
        <Probe id="ramped" label="sim" />
      </SimStoreProvider>,
    );
    await waitFor(() => expect(screen.getByLabelText('sim')).toHaveTextContent('ramped at 0 ms'));
    // Time moves behind the store's back: only the provider's loop brings the new frame in.
    await sim.api.seek(5000);
    await waitFor(() =>
      expect(screen.getByLabelText('sim')).toHaveTextContent('ramped at 5000 ms'),
    );
    expect(sim.connect).toHaveBeenCalledTimes(1);
    view.unmount();
    expect(sim.closed).toHaveBeenCalledTimes(1);
    const pulls = sim.pull.mock.calls.length;
    await new Promise((r) => setTimeout(r, 100));
    expect(sim.pull.mock.calls.length).toBe(pulls);
  });

  it('keeps two simulations apart', async () => {
    const a = connection();
    const b = connection();
    render(
      <>
        <SimStoreProvider connect={a.connect}>
          <Probe id="ramped" label="left" />
        </SimStoreProvider>
        <SimStoreProvider connect={b.connect}>
          <Probe id="recreate" label="right" />
        </SimStoreProvider>
      </>,
    );
    await waitFor(() => expect(screen.getByLabelText('left')).toHaveTextContent('ramped at 0 ms'));
    await waitFor(() =>
      expect(screen.getByLabelText('right')).toHaveTextContent('recreate at 0 ms'),
    );
  });
});
