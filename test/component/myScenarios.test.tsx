/**
 * "My scenarios": each saved scenario is one item that opens it; deleting asks first, and
 * Keep leaves it; names from files or links are text, never markup.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MyScenarios } from '../../src/ui/share/MyScenarios';
import type { SavedScenario } from '../../src/store/savedScenarios';

afterEach(cleanup);

const entry = (id: string, name: string): SavedScenario => ({
  formatVersion: 2,
  id,
  name,
  text: 'kind: Deployment',
  source: 'import',
  createdAt: 1,
  updatedAt: 1,
});

describe('When the person has saved scenarios', () => {
  it('lists them by name, opens one with a click, and marks the open one', async () => {
    const onOpen = vi.fn();
    render(
      <MyScenarios
        saved={[entry('a', 'Payments canary'), entry('b', 'web.yaml')]}
        openId="b"
        onOpen={onOpen}
        onDelete={vi.fn()}
      />,
    );
    const list = screen.getByRole('list', { name: 'My scenarios' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((i) => within(i).getAllByRole('button')[0]!.textContent)).toEqual([
      'Payments canary',
      'web.yaml',
    ]);
    expect(items[1]).toHaveAttribute('aria-current', 'true');
    await userEvent.click(within(list).getByRole('button', { name: 'Payments canary' }));
    expect(onOpen).toHaveBeenCalledWith('a');
  });

  it('deletes only after the person confirms, and Keep keeps it', async () => {
    const onDelete = vi.fn();
    render(
      <MyScenarios
        saved={[entry('a', 'Payments canary')]}
        openId={null}
        onOpen={vi.fn()}
        onDelete={onDelete}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Delete Payments canary' }));
    expect(onDelete).not.toHaveBeenCalled();
    const ask = screen.getByRole('group', { name: 'Delete Payments canary?' });
    await userEvent.click(within(ask).getByRole('button', { name: 'Keep' }));
    expect(onDelete).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Payments canary' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Delete Payments canary' }));
    await userEvent.click(
      within(screen.getByRole('group', { name: 'Delete Payments canary?' })).getByRole('button', {
        name: 'Delete',
      }),
    );
    expect(onDelete).toHaveBeenCalledWith('a');
  });

  it('shows a name that looks like markup as text', () => {
    const name = '<img src=x onerror="alert(1)">';
    const { container } = render(
      <MyScenarios saved={[entry('a', name)]} openId={null} onOpen={vi.fn()} onDelete={vi.fn()} />,
    );
    expect(screen.getByRole('button', { name })).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
  });

  it('says there are none yet, with an empty list still named', () => {
    render(<MyScenarios saved={[]} openId={null} onOpen={vi.fn()} onDelete={vi.fn()} />);
    expect(screen.getByRole('list', { name: 'My scenarios' })).toBeEmptyDOMElement();
    expect(screen.getByText('none yet: run or import one')).toBeInTheDocument();
  });
});
