/** Shell-style history for the console: ↑ goes back, ↓ forward, the draft is kept at the end. */
import { useRef } from 'react';

const MAX = 100;

export interface CommandHistory {
  push(line: string): void;
  /** The line to show after moving by `dir` (-1 older, +1 newer), or null to stay. */
  move(dir: -1 | 1, current: string): string | null;
}

export function useCommandHistory(): CommandHistory {
  const state = useRef({ lines: [] as string[], pos: 0, draft: '' });
  const api = useRef<CommandHistory>({
    push(line) {
      const s = state.current;
      if (s.lines.at(-1) !== line) s.lines = [...s.lines, line].slice(-MAX);
      s.pos = s.lines.length;
      s.draft = '';
    },
    move(dir, current) {
      const s = state.current;
      const next = s.pos + dir;
      if (next < 0 || next > s.lines.length) return null;
      if (s.pos === s.lines.length) s.draft = current;
      s.pos = next;
      return next === s.lines.length ? s.draft : (s.lines[next] ?? '');
    },
  });
  return api.current;
}
