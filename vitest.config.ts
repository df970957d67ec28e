import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  test: {
    passWithNoTests: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: [
            'test/unit/**/*.test.ts',
            'test/property/**/*.test.ts',
            'test/golden/**/*.test.ts',
          ],
        },
      },
      {
        // The Kubernetes API (issue 12): `sim serve` on a real socket, driven by real kubectl.
        // Files run one at a time: each starts servers and many kubectl processes.
        extends: true,
        test: {
          name: 'api',
          environment: 'node',
          include: ['test/api/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'component',
          environment: 'jsdom',
          include: ['test/component/**/*.test.{ts,tsx}'],
          setupFiles: ['test/support/setupDom.ts'],
        },
      },
    ],
  },
});
