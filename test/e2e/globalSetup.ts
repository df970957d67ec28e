/**
 * Builds the app once and serves it with `vite preview` on a free loopback port for all browser
 * tests. The vite process is spawned directly (not through npx) so killing it stops the server.
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { startPreview } from '../support/browser';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

let server: ChildProcess | undefined;

export default async function setup(project: TestProject): Promise<() => void> {
  if (!process.env.E2E_SKIP_BUILD) {
    const b = spawnSync(
      process.execPath,
      ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'],
      { stdio: 'inherit' },
    );
    if (b.status !== 0) throw new Error('vite build failed');
  }
  const preview = await startPreview();
  server = preview.server;
  const baseUrl = preview.url;
  project.provide('baseUrl', baseUrl);
  return () => {
    server?.kill();
  };
}
