/**
 * The end of a scenario, as a person meets it in the playback bar: Step says what it did and
 * that the cluster is steady, never moves past the end, and says so; Play stops at the end with
 * a message; going on is the explicit "Continue past the end".
 */
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createSimApi } from '../../src/worker/api';
import { createSimStore } from '../../src/store/createSimStore';
import { SimStoreProvider } from '../../src/store/SimStoreProvider';
import { PlaybackBar } from '../../src/ui/controls/PlaybackBar';
import { useKeyboard } from '../../src/ui/useKeyboard';
import { catalogText } from '../support/catalog';
import { render } from '@testing-library/react';

afterEach(cleanup);

const clock = () => screen.getByRole('timer', { name: 'Simulated clock' });
const status = () => screen.getByRole('status', { name: 'Playback status' });

/** The real API and store with a wall clock the test moves: `frames(n)` runs n playback ticks. */
async function setup(id: string, seconds: number) {
  let wall = 0;
  let pending: (() => void) | null = null;
  const api = createSimApi({
    now: () => wall,
    after: (_ms, fn) => {
      pending = fn;
      return () => {
        if (pending === fn) pending = null;
      };
    },
  });
  const store = createSimStore(api);
  await store.getState().load(id, catalogText(id));
  await store.getState().seek(seconds * 1000);
  function Bar() {
    useKeyboard();
    return <PlaybackBar />;
  }
  render(
    <SimStoreProvider store={store}>
      <Bar />
    </SimStoreProvider>,
  );
  return {
    store,
    /** Lets `n` ticks of 100 wall ms run, pulling after each as the app's loop does. */
    async frames(n: number) {
      for (let i = 0; i < n && pending; i++) {
        wall += 100;
        const fn: () => void = pending;
        pending = null;
        await act(async () => {
          fn();
          await store.getState().pull();
        });
      }
    },
  };
}

describe('Step at the end of a scenario', () => {
  it('goes change by change, says the cluster is steady at the end, and never moves past it', async () => {
    await setup('ramped', 15);
    const user = userEvent.setup();
    const step = screen.getByRole('button', { name: 'Step' });
    await user.click(step);
    expect(clock()).toHaveTextContent('0:15.0');
    expect(status()).toHaveTextContent(
      /^Step to 0:15\.005: ScalingReplicaSet \(Deployment\/web\): Scaled up replica set web-\w+ from 0 to 1/,
    );
    // 40 presses: the rollout's actions, then the end. The clock never shows more than 1:00.
    const seen: string[] = [];
    for (let i = 0; i < 40; i++) {
      await user.click(step);
      seen.push(clock().textContent ?? '');
    }
    expect(seen.filter((c) => c > '1:00.0')).toEqual([]);
    expect(clock()).toHaveTextContent('1:00.0');
    expect(status()).toHaveTextContent(
      'End of scenario at 1:00. Play and Step go no further: choose “Continue past the end” to let the cluster run on.',
    );
    // The rollout's actions came first, a few ms to a second apart.
    expect(seen.indexOf('1:00.0')).toBeGreaterThan(20);
  }, 30_000);

  it('says “nothing left to do: the cluster is steady” on the press that reaches the end', async () => {
    await setup('ramped', 40);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Step' }));
    expect(clock()).toHaveTextContent('1:00.0');
    expect(status()).toHaveTextContent(
      'End of scenario at 1:00. Nothing left to do: the cluster is steady.',
    );
    expect(screen.getByRole('button', { name: 'Continue past the end' })).toBeInTheDocument();
  });
});

describe('Play at the end of a scenario', () => {
  it('stops at the end and says so; Play (or space) goes no further; Continue past the end does', async () => {
    const sim = await setup('ramped', 55);
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Speed'), '10×');
    await user.click(screen.getByRole('button', { name: 'Play' }));
    await sim.frames(20);
    expect(clock()).toHaveTextContent('1:00.0');
    expect(status()).toHaveTextContent(
      'End of scenario at 1:00. Playback stopped. “Continue past the end” lets the cluster run on.',
    );
    // Play, by its button or by space, goes no further, and says why.
    await user.click(screen.getByRole('button', { name: 'Play' }));
    await user.keyboard(' ');
    await sim.frames(5);
    expect(clock()).toHaveTextContent('1:00.0');
    expect(status()).toHaveTextContent(
      'End of scenario at 1:00. Play and Step go no further: choose “Continue past the end” to let the cluster run on.',
    );
    await user.click(screen.getByRole('button', { name: 'Continue past the end' }));
    await sim.frames(5);
    await waitFor(() => expect(clock().textContent! > '1:00.0').toBe(true));
    expect(status()).toHaveTextContent('Past the end of the scenario (1:00): the cluster runs on.');
    expect(screen.getByRole('button', { name: 'Pause' })).toBeInTheDocument();
  });
});
