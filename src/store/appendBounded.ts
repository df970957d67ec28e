/** Bounded append for logs and chart series: the newest `max` items, a new array only when needed. */
export function appendBounded<T>(prev: readonly T[], add: readonly T[], max: number): T[] {
  if (add.length === 0) return prev as T[];
  const next = prev.length + add.length > max ? [...prev, ...add].slice(-max) : [...prev, ...add];
  return next;
}
