/**
 * The layer rules of eslint.config.js (imports point down: sim ← worker ← store ← ui, and the
 * CLI uses sim only), checked by planting an import in a file of each layer and linting it with
 * the project's own config. A rule that stops firing — a glob that misses .tsx, a pattern that
 * misses a folder's index — fails here instead of letting an upward import in unnoticed.
 */
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const LAYER = 'no-restricted-imports';
const SIM_TYPES = '@typescript-eslint/no-restricted-imports';
const RESTRICTED = [LAYER, SIM_TYPES];

const eslint = new ESLint({ cwd: fileURLToPath(new URL('../../..', import.meta.url)) });

/** The rules that fire on `code` as if it were the file at `file` (which need not exist). */
async function lintRules(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\n`, { filePath: file });
  const messages = result?.messages ?? [];
  // A parse error or an ignored file fires no rule: that must not pass for "allowed".
  const broken = messages.filter((m) => m.ruleId === null);
  if (broken.length > 0) throw new Error(broken.map((m) => m.message).join('\n'));
  return messages.map((m) => m.ruleId ?? '');
}

type Case = [file: string, code: string];

/** Upward or sideways imports, one per layer and direction. */
const upward: Case[] = [
  ['src/sim/planted.ts', "import { createSimApi } from '../worker/api';"],
  ['src/sim/planted.ts', "import { x } from '../worker';"],
  ['src/sim/planted.ts', "import { createSimStore } from '../store/createSimStore';"],
  ['src/sim/planted.ts', "import { App } from '../ui/App';"],
  ['src/sim/planted.ts', "import { formatText } from '../cli/formatText';"],
  ['src/sim/planted.ts', "import { readFileSync } from 'node:fs';"],
  ['src/sim/engine/planted.ts', "import * as d3 from 'd3';"],
  ['src/worker/planted.ts', "import { createSimStore } from '../store/createSimStore';"],
  ['src/worker/planted.ts', "import { x } from '../store';"],
  ['src/worker/planted.ts', "import { App } from '../ui/App';"],
  ['src/worker/planted.ts', "import { formatText } from '../cli/formatText';"],
  ['src/worker/planted.ts', "import { useState } from 'react';"],
  ['src/store/planted.ts', "import { App } from '../ui/App';"],
  ['src/store/planted.ts', "import { x } from '../ui';"],
  ['src/store/planted.ts', "import { formatText } from '../cli/formatText';"],
  ['src/store/planted.tsx', "import { App } from '../ui/App';"],
  ['src/store/planted.tsx', "import { scaleLinear } from 'd3-scale';"],
  ['src/ui/planted.ts', "import { workerClient } from '../worker/client';"],
  ['src/ui/stage/planted.tsx', "import { workerClient } from '../../worker/client';"],
  ['src/ui/planted.tsx', "import * as Comlink from 'comlink';"],
  ['src/ui/planted.tsx', "import { formatText } from '../cli/formatText';"],
  ['src/cli/planted.ts', "import { createSimApi } from '../worker/api';"],
  ['src/cli/planted.ts', "import { createSimStore } from '../store/createSimStore';"],
  ['src/cli/planted.ts', "import { App } from '../ui/App';"],
  ['src/cli/planted.ts', "import { useState } from 'react';"],
];

/** Value imports from src/sim in the store and the UI: values reach them only through the worker. */
const simValues: Case[] = [
  ['src/ui/planted.ts', "import { parseScenario } from '../sim/scenario/parse';"],
  [
    'src/ui/log/Planted.tsx',
    "import { humanDuration } from '../../sim/kubectl/print/humanDuration';",
  ],
  ['src/ui/planted.tsx', "import { type Scenario, parseScenario } from '../sim/scenario/parse';"],
  ['src/ui/planted.tsx', "export { parseScenario } from '../sim/scenario/parse';"],
  ['src/store/planted.ts', "import { parseScenario } from '../sim/scenario/parse';"],
  ['src/store/planted.tsx', "import * as parse from '../sim/scenario/parse';"],
];

/** Imports the layers rely on, which no rule may reject. */
const allowed: Case[] = [
  ['src/sim/engine/planted.ts', "import { parseScenario } from '../scenario/parse';"],
  ['src/worker/planted.ts', "import { Session } from '../sim/session/session';"],
  ['src/worker/planted.ts', "import * as Comlink from 'comlink';"],
  ['src/store/planted.ts', "import type { SimApi } from '../worker/protocol';"],
  ['src/store/planted.tsx', "import { useStore } from 'zustand';"],
  ['src/store/planted.ts', "import type { Scenario } from '../sim/scenario/scenario';"],
  ['src/store/planted.tsx', "import { type Scenario } from '../sim/scenario/scenario';"],
  ['src/ui/planted.tsx', "import type { Scenario } from '../sim/scenario/scenario';"],
  [
    'src/ui/planted.ts',
    "import { type Scenario, type ScenarioStep } from '../sim/scenario/scenario';",
  ],
  ['src/ui/planted.tsx', "import { useSim } from '../store/SimStoreProvider';"],
  ['src/ui/planted.tsx', "import { scaleLinear } from 'd3-scale';"],
  ['src/cli/planted.ts', "import { readFileSync } from 'node:fs';"],
  ['src/cli/planted.ts', "import { runScenario } from '../sim/runner/run';"],
];

/** Test files reach into every layer: no layer rule may cover them. */
const tests: Case[] = [
  ['test/unit/planted.test.ts', "import { createSimApi } from '../../src/worker/api';"],
  ['test/unit/planted.test.ts', "import { createSimStore } from '../../src/store/createSimStore';"],
  ['test/unit/planted.test.ts', "import { parseScenario } from '../../src/sim/scenario/parse';"],
  ['test/component/planted.test.tsx', "import { App } from '../../src/ui/App';"],
  [
    'test/component/planted.test.tsx',
    "import { parseScenario } from '../../src/sim/scenario/parse';",
  ],
  ['test/support/planted.ts', "import { readFileSync } from 'node:fs';"],
];

// Loading the config (typescript-eslint, react-hooks) takes seconds on a busy machine.
describe('The layer rules', { timeout: 30_000 }, () => {
  it.each(upward)('reject in %s: %s', async (file, code) => {
    expect(await lintRules(file, code)).toContain(LAYER);
  });

  it.each(simValues)('reject a value from src/sim in %s: %s', async (file, code) => {
    expect(await lintRules(file, code)).toContain(SIM_TYPES);
  });

  it.each(allowed)('allow in %s: %s', async (file, code) => {
    const fired = await lintRules(file, code);
    expect(fired.filter((r) => RESTRICTED.includes(r))).toEqual([]);
  });

  it.each(tests)('leave test files alone: %s: %s', async (file, code) => {
    const fired = await lintRules(file, code);
    expect(fired.filter((r) => RESTRICTED.includes(r))).toEqual([]);
  });
});
