/**
 * The in-app console at a simulated moment: the same Session the worker drives (src/worker
 * calls Session.load, advances it and runs each console line through `exec`), loaded with the
 * seed `sim serve` is given and advanced to the moment the server is paused at.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Session } from '../../../src/sim';

export interface ConsoleRun {
  output: string;
  exitCode: number;
}

export interface ConsoleAt {
  exec(line: string): ConsoleRun;
}

export function consoleAt(file: string, seed: number, atMs: number): ConsoleAt {
  const session = Session.load(readFileSync(file, 'utf8'), basename(file), seed);
  if (!(session instanceof Session)) throw new Error(`${file}: ${session.errors.join('\n')}`);
  session.advanceTo(atMs);
  return {
    exec(line) {
      const r = session.exec(`kubectl ${line}`);
      return { output: r.output, exitCode: r.exitCode };
    },
  };
}
