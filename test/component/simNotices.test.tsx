/**
 * The simulation's own messages reach the page as Notices: the watchdog's (through the
 * connection's onNotice, into the store) and the worker's (playback.notice: a refused traffic
 * change, a runaway stopped). Each can be dismissed.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SimStoreProvider, useSimStore } from '../../src/store/SimStoreProvider';
import { createSimApi } from '../../src/worker/api';
import type { SimConnection, SimApi } from '../../src/worker/protocol';
import type { SimStore } from '../../src/store/createSimStore';
import { Notices } from '../../src/ui/log/Notices';
import { useSimNotices } from '../../src/ui/log/useSimNotices';
import { catalogText } from '../support/catalog';

afterEach(cleanup);

let store: SimStore | null = null;

function Page() {
  store = useSimStore();
  const sim = useSimNotices();
  return <Notices notices={sim.notices} onDismiss={sim.dismiss} />;
}

function connection(): { conn: SimConnection; api: SimApi; say(m: string): void } {
  const api = createSimApi({ now: () => 0, after: () => () => undefined });
  const listeners: ((m: string) => void)[] = [];
  return {
    api,
    conn: {
      api,
      close: () => undefined,
      onNotice: (l) => {
        listeners.push(l);
        return () => listeners.splice(listeners.indexOf(l), 1);
      },
    },
    say: (m) => listeners.forEach((l) => l(m)),
  };
}

describe('the simulation’s notices', () => {
  it('a watchdog restart is shown and can be dismissed', async () => {
    const c = connection();
    const connect = vi.fn(() => c.conn);
    render(
      <SimStoreProvider connect={connect}>
        <Page />
      </SimStoreProvider>,
    );
    await waitFor(() => expect(store).not.toBeNull());
    const message =
      'The simulation stopped answering (seek took over 10 s) and was restarted: it is back at 4.2 s with your changes up to then; the change that hung was not replayed.';
    act(() => c.say(message));
    expect(screen.getByRole('alert')).toHaveTextContent(message);
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('a traffic change the simulator cannot run is refused with a notice', async () => {
    const c = connection();
    render(
      <SimStoreProvider connect={() => c.conn}>
        <Page />
      </SimStoreProvider>,
    );
    await waitFor(() => expect(store).not.toBeNull());
    await act(async () => {
      await store!.getState().load('ramped', catalogText('ramped'));
      await store!.getState().setTraffic({ rps: 5e6 });
    });
    expect(screen.getByRole('alert')).toHaveTextContent(
      'error: the request rate 5000000 is more than the simulator runs (at most 100000 requests per second)',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
