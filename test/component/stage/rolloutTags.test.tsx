/** A Rollout's ReplicaSets on the stage carry the plugin's tags: which stack serves, which is on trial. */
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderStage, scenarioAt, seek } from './stageTest';

afterEach(cleanup);

/** The tag words shown in the header of the column that lists a ReplicaSet's pods. */
function tagsOf(rsName: RegExp): string[] {
  const list = screen.getByRole('listbox', { name: rsName });
  const column = list.closest('.rs') as HTMLElement;
  return [...column.querySelectorAll('.rs-tag')].map((t) => t.textContent ?? '');
}

describe('The rollouts-demo canary on the stage', () => {
  it('tags revision 1 stable and revision 2 canary while paused, then only the new one stable', async () => {
    const sim = await scenarioAt('argo-canary-demo', 15);
    renderStage(sim);
    const [older = '', newer = ''] = screen
      .getAllByRole('listbox', { name: /^ReplicaSet rollouts-demo-/ })
      .map((l) => l.getAttribute('aria-label') ?? '');
    expect(tagsOf(new RegExp(`^${older}$`))).toEqual(['stable']);
    expect(tagsOf(new RegExp(`^${newer}$`))).toEqual(['canary']);
    expect(
      within(screen.getByRole('listbox', { name: newer })).getAllByRole('option'),
    ).toHaveLength(1);

    await seek(sim, 100);
    expect(tagsOf(new RegExp(`^${newer}$`))).toEqual(['stable']);
  });
});

describe('The Argo blue/green Rollout on the stage', () => {
  it('tags blue active and green preview until the switch', async () => {
    const sim = await scenarioAt('argo-blue-green', 20);
    renderStage(sim);
    const names = screen
      .getAllByRole('listbox', { name: /^ReplicaSet web-/ })
      .map((l) => l.getAttribute('aria-label') ?? '');
    const tags = names.map((n) => tagsOf(new RegExp(`^${n}$`)));
    expect(tags).toContainEqual(expect.arrayContaining(['stable', 'active']));
    expect(tags).toContainEqual(['preview']);
  });
});
