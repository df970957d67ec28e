/**
 * Live mode's banner and side panel as a person meets them: the banner names the server, the
 * "Namespace" picker lists the server's namespaces and switches what is watched, the page is
 * read-only until the writing switch is turned on (the sliders are off, nothing that writes is
 * sent), the server's refusals are shown in its words, and the panel says why there are no
 * request dots.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  cleanup,
  configure,
  fireEvent,
  render,
  screen,
  waitFor,
  within,
} from '@testing-library/react';
import { LiveProvider } from '../../../src/store/live/LiveProvider';
import { LiveBanner } from '../../../src/ui/live/LiveBanner';
import { LivePanel } from '../../../src/ui/live/LivePanel';
import { createLiveApi } from '../../../src/worker/live/liveApi';
import { FakeApiServer, scenarioObjects } from '../../unit/live/fakeApiServer';

afterEach(cleanup);
// Each test lists a whole namespace through the fake server: give a busy machine time.
configure({ asyncUtilTimeout: 5000 });

const SERVER = 'http://127.0.0.1:8002/k8s';

function renderLive() {
  const server = new FakeApiServer(scenarioObjects('ramped.yaml', 10_000));
  const connect = () => ({
    api: createLiveApi({
      server: SERVER,
      fetch: server.fetch,
      clock: {
        now: () => Date.now(),
        sleep: (_ms, signal) =>
          new Promise<void>((_r, reject) =>
            signal.addEventListener('abort', () => reject(new Error('stopped'))),
          ),
      },
    }),
    close: () => undefined,
  });
  render(
    <LiveProvider server={SERVER} connect={connect}>
      <LiveBanner />
      <LivePanel />
    </LiveProvider>,
  );
  return server;
}

describe('The live banner', { timeout: 20_000 }, () => {
  it('names the server, lists namespaces, and shows what the server refused in its words', async () => {
    renderLive();
    expect(await screen.findByRole('heading', { name: `Live: ${SERVER}` })).toBeInTheDocument();
    const picker = screen.getByRole('combobox', { name: 'Namespace' });
    await waitFor(() =>
      expect(
        within(picker)
          .getAllByRole('option')
          .map((o) => o.textContent),
      ).toEqual(['default', 'shop']),
    );
    expect(picker).toHaveValue('default');
    const notServed = await screen.findByRole('list', { name: 'Not served by this server' });
    expect(notServed).toHaveTextContent(
      'Argo Rollouts are not served here: the server could not find the requested resource',
    );
    expect(screen.getByRole('region', { name: 'Requests' })).toHaveTextContent(
      'Request dots are off: the Kubernetes API does not report individual requests',
    );
  });

  it('watches the namespace picked', async () => {
    const server = renderLive();
    const picker = await screen.findByRole('combobox', { name: 'Namespace' });
    await waitFor(() => expect(within(picker).getAllByRole('option')).toHaveLength(2));
    fireEvent.change(picker, { target: { value: 'shop' } });
    await waitFor(() => expect(picker).toHaveValue('shop'));
    await waitFor(() =>
      expect(server.requests.some((r) => r.path.includes('/namespaces/shop/pods?watch=1'))).toBe(
        true,
      ),
    );
  });

  it('is read-only until writing is turned on: sliders off, nothing written', async () => {
    const server = renderLive();
    const writing = await screen.findByRole('switch', { name: 'Allow writes to the cluster' });
    expect(writing).not.toBeChecked();
    expect(screen.getByRole('status')).toHaveTextContent('Read-only');
    const replicas = await screen.findByRole('slider', { name: 'replicas' });
    expect(replicas).toBeDisabled();
    fireEvent.change(replicas, { target: { value: '7' } });
    await new Promise((r) => setTimeout(r, 50));
    expect(server.writes()).toEqual([]);

    fireEvent.click(writing);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Writing'));
    await waitFor(() => expect(screen.getByRole('slider', { name: 'replicas' })).toBeEnabled());
    // Another value than the refused one (the range input may still hold 7).
    fireEvent.change(screen.getByRole('slider', { name: 'replicas' }), { target: { value: '6' } });
    await waitFor(() =>
      expect(server.writes()).toEqual([
        expect.objectContaining({
          method: 'PATCH',
          path: '/k8s/apis/apps/v1/namespaces/default/deployments/web/scale',
          body: '{"spec":{"replicas":6}}',
        }),
      ]),
    );
  });
});
