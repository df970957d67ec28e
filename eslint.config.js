// Lint: typescript-eslint + react-hooks, and the layer rules of style.md (imports point down:
// sim ← worker ← store ← ui, and src/cli uses src/sim only), enforced here rather than in prose;
// test/unit/architecture/layers.test.ts plants a violation of each to prove the rules fire.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const upward = (group, message) => ({ group, message });

// A layer's source files, .ts and .tsx alike: a rule that names only *.ts misses every component.
const inside = (dir) => [`${dir}/**/*.ts`, `${dir}/**/*.tsx`];

// Import patterns for a folder under src: its index (`../store`) and anything in it.
const folders = (...names) => names.flatMap((n) => [`**/${n}`, `**/${n}/**`]);

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test/e2e/out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: inside('src/sim'),
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            upward(
              ['react', 'react-dom', 'react/*', 'zustand', 'zustand/*', 'd3', 'd3-*', 'comlink'],
              'src/sim is the pure core: no UI, store or worker libraries.',
            ),
            upward(
              folders('worker', 'store', 'ui', 'cli'),
              'src/sim may import only src/sim (imports point down).',
            ),
            upward(
              ['node:*'],
              'src/sim runs in browsers and workers too: file and process access belong to src/cli.',
            ),
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'Math',
          property: 'random',
          message: 'Use the seeded Rng passed in (src/sim/core/rng.ts).',
        },
        {
          object: 'Date',
          property: 'now',
          message: 'Use the engine clock (ctx.now()); sim time is an argument.',
        },
        {
          object: 'performance',
          property: 'now',
          message: 'Use the engine clock (ctx.now()); sim time is an argument.',
        },
      ],
      'no-restricted-globals': [
        'error',
        ...[
          'setTimeout',
          'setInterval',
          'requestAnimationFrame',
          'performance',
          'document',
          'window',
          'self',
          'postMessage',
        ].map((name) => ({
          name,
          message:
            'src/sim is pure: schedule on the engine event queue and keep DOM and worker APIs out.',
        })),
      ],
    },
  },
  {
    files: inside('src/cli'),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            upward(
              [
                'react',
                'react-*',
                'zustand',
                'd3',
                'd3-*',
                'comlink',
                ...folders('worker', 'store', 'ui'),
              ],
              'The CLI is src/sim plus node: — no browser, worker, store or UI code.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: inside('src/worker'),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            upward(
              ['react', 'react-dom', 'zustand', 'd3', 'd3-*', ...folders('store', 'ui')],
              'The worker hosts the engine only: no UI or store code.',
            ),
            upward(folders('cli'), 'The CLI sits beside the app, not below it.'),
          ],
        },
      ],
    },
  },
  {
    files: inside('src/store'),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            upward(
              [...folders('ui'), 'react-dom', 'd3', 'd3-*'],
              'The store sits below the UI: no components or d3 here.',
            ),
            upward(folders('cli'), 'The CLI sits beside the app, not below it.'),
          ],
        },
      ],
    },
  },
  {
    files: inside('src/ui'),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            upward(
              [...folders('worker'), 'comlink'],
              'The UI talks to the worker through the store.',
            ),
            upward(folders('cli'), 'The CLI sits beside the app, not below it.'),
          ],
        },
      ],
    },
  },
  {
    // The engine runs in the worker: the store and the UI see its values only in frames, so from
    // src/sim they may import types (erased at build time) and nothing else.
    files: [...inside('src/store'), ...inside('src/ui')],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: folders('sim'),
              allowTypeImports: true,
              message:
                'The store and the UI import only types from src/sim: values come from the worker.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'src/cli/**/*.ts',
      'test/bench/**/*.ts',
      'scripts/**/*.mjs',
      '.ci/**/*.mjs',
      'test/e2e/**/*.ts',
    ],
    rules: { 'no-console': 'off' },
  },
);
