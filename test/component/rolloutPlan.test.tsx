/**
 * The rollout plan on screen: a table named "Rollout plan" whose rows are what the simulator did
 * when run ahead on a copy; a one-line reason instead when the text is not a change that rolls;
 * asked for a moment after typing stops, and only the newest text's answer is shown.
 */
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSimStore } from '../../src/store/createSimStore';
import { SimStoreProvider } from '../../src/store/SimStoreProvider';
import type { RolloutPlan, SimApi } from '../../src/worker/protocol';
import { RolloutPlanPanel } from '../../src/ui/plan/RolloutPlanPanel';
import { RolloutPlanTable } from '../../src/ui/plan/RolloutPlanTable';
import { previewRollout } from '../../src/sim/plan/preview';
import { canaryRollout, canaryScenario, session } from '../unit/plan/planScenarios';
import { DeploymentPanel } from '../../src/ui/controls/DeploymentPanel';
import { deploymentYaml } from '../support/TestCluster';
import { renderWithSim, scenarioAt } from '../support/ui';

afterEach(cleanup);

const yaml = deploymentYaml({ replicas: 4, maxSurge: 1, maxUnavailable: 1, readinessProbe: true });
const manifest = yaml.split('\n---')[0]!;

describe('Rollout plan', () => {
  it('"Preview a change": pasting a new image shows the waves in a table named Rollout plan', async () => {
    const user = userEvent.setup();
    renderWithSim(await scenarioAt(yaml, 20), <DeploymentPanel />);
    await user.click(screen.getByText('Preview a change'));
    const box = screen.getByRole('textbox', { name: 'Manifest to preview' });
    await user.click(box);
    await user.paste(manifest.replace('app:v1', 'app:v2'));
    const table = await screen.findByRole('table', { name: 'Rollout plan' }, { timeout: 15_000 });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual([
      'Wave',
      'After apply',
      'Old pods',
      'New pods',
      'Total',
      'Available',
      'Held by',
    ]);
    const wave2 = within(table).getByRole('rowheader', { name: 'wave 2' }).closest('tr')!;
    const cells = within(wave2)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    // 3 old + 2 new = 5 pods (4 + 1 surge), 3 available (4 − 1).
    expect(cells.slice(1, 5)).toEqual(['3', '2', '5', '3']);
    expect(cells[5]).toContain('maxSurge ceiling: 5 = 4 + 1 pods');
    expect(cells[5]).toContain('maxUnavailable floor: 3 available ≤ 4 − 1');
    expect(screen.getByText(/^✔ \+[\d.]+ s: rollout complete$/)).toBeInTheDocument();
  }, 30_000);

  it('an invalid edit says why in one line, and the text stays', async () => {
    const user = userEvent.setup();
    renderWithSim(await scenarioAt(yaml, 5), <DeploymentPanel />);
    await user.click(screen.getByText('Preview a change'));
    const box = screen.getByRole('textbox', { name: 'Manifest to preview' });
    await user.click(box);
    const bad = manifest.replace('replicas: 4', 'replicas: -1');
    await user.paste(bad);
    expect(
      await screen.findByText(/spec.replicas: Invalid value: -1/, undefined, { timeout: 15_000 }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Rollout plan' })).toBeNull();
    expect(box).toHaveValue(bad);
  }, 30_000);

  it('the newest text wins, whichever answer comes back first', async () => {
    vi.useFakeTimers();
    try {
      const answers = new Map<string, (p: RolloutPlan) => void>();
      const api = {
        preview: (text: string) => new Promise<RolloutPlan>((r) => answers.set(text, r)),
      } as unknown as SimApi;
      const store = createSimStore(api);
      const ui = (text: string) => (
        <SimStoreProvider store={store}>
          <RolloutPlanPanel text={text} />
        </SimStoreProvider>
      );
      const { rerender } = render(ui('a'));
      await act(() => vi.advanceTimersByTimeAsync(300));
      rerender(ui('ab'));
      // Typing within the debounce asks nothing: only 'a' (settled) and then 'ab' are asked.
      rerender(ui('abc'));
      await act(() => vi.advanceTimersByTimeAsync(300));
      expect([...answers.keys()]).toEqual(['a', 'abc']);
      await act(async () => answers.get('abc')!({ kind: 'none', message: 'newest' }));
      await act(async () => answers.get('a')!({ kind: 'none', message: 'stale' }));
      expect(screen.getByText('newest')).toBeInTheDocument();
      expect(screen.queryByText('stale')).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('a canary: one row per step with canary and stable pods and the weight traffic sees', () => {
    const c = { replicas: 10, steps: ['setWeight: 30', 'pause: {}'] };
    const plan = previewRollout(session(canaryScenario(c), 20_000), canaryRollout(c, 'app:v2'));
    render(<RolloutPlanTable plan={plan} />);
    const table = screen.getByRole('table', { name: 'Rollout plan' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual([
      'Step',
      'setWeight',
      'Canary pods',
      'Stable pods',
      'Traffic sees',
      'Reached',
      'Why',
    ]);
    const rows = within(table)
      .getAllByRole('rowheader')
      .map((h) => h.textContent);
    expect(rows).toEqual(['1. setWeight: 30', '2. pause']);
    const first = within(table).getByRole('rowheader', { name: '1. setWeight: 30' }).closest('tr')!;
    const cells = within(first)
      .getAllByRole('cell')
      .map((x) => x.textContent);
    expect(cells.slice(0, 4)).toEqual(['30 %', '3', '7', '30 %']);
    expect(cells[5]).toContain('Stable shrinks from 10 to 7');
    expect(screen.getByText(/paused with no duration: waits until promoted/)).toBeInTheDocument();
  });
});
