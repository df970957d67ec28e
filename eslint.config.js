// Lint: typescript-eslint + react-hooks, and the layer rules of style.md (imports point down:
// sim ← worker ← store ← ui), enforced here rather than in prose.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const upward = (group, message) => ({ group, message });

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
    files: ['src/sim/**/*.ts'],
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
              ['**/worker', '**/worker/**', '**/store', '**/store/**'],
              'src/sim may import only src/sim (imports point down).',
            ),
            upward(
              ['**/ui', '**/ui/**', '**/cli', '**/cli/**'],
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
    files: ['src/cli/**/*.ts'],
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
                '**/worker/**',
                '**/store/**',
                '**/ui/**',
              ],
              'The CLI is src/sim plus node: — no browser, worker, store or UI code.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['src/worker/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            upward(
              ['react', 'react-dom', 'zustand', 'd3', 'd3-*', '**/store/**', '**/ui/**'],
              'The worker hosts the engine only: no UI or store code.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['src/store/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            upward(
              ['**/ui/**', 'react-dom', 'd3', 'd3-*'],
              'The store sits below the UI: no components or d3 here.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['src/ui/**/*.ts', 'src/ui/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            upward(['**/worker/**', 'comlink'], 'The UI talks to the worker through the store.'),
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
