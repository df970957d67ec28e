/**
 * The runner's output for every catalog scenario: the JSON honours the contract
 * (scenario-format.md §2) and the text output is pinned as a golden file, so any change in what
 * the controllers do shows up in review. Update goldens with `npx vitest run -u test/golden`.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/sim/runner/run';
import { formatText } from '../../src/cli/formatText';
import { expectContract } from '../support/runContract';
import { catalogFiles, catalogText } from '../support/catalog';

const files = catalogFiles();

describe.each(files)('The catalog scenario %s', (file) => {
  const text = catalogText(file);
  const out = runScenario(text, file);

  it('runs clean and honours the runner contract', () => {
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expectContract(out.result);
    expect(
      out.result.commands.filter(
        // A watch cut off by the run's end, or a client stopped by an `interrupt` step (Ctrl-C: 130).
        (c) => c.exitCode !== 0 && !c.command.startsWith('rollout status') && c.exitCode !== 130,
      ),
    ).toEqual([]);
  });
});

// big-fleet's log is thousands of pod events: its contract is checked above, not pinned as text.
describe.each(files.filter((f) => f !== 'big-fleet.yaml'))('The runner text for %s', (file) => {
  it('is the same as its golden file', async () => {
    const out = runScenario(catalogText(file), file);
    if (!out.ok) throw new Error(out.errors.join('\n'));
    await expect(formatText(out.result)).toMatchFileSnapshot(
      `./__snapshots__/${file.replace('.yaml', '.txt')}`,
    );
  });
});
