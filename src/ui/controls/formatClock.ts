/** Simulated time as the app shows it: m:ss.s (75 300 ms → "1:15.3"). */
export function formatClock(ms: number): string {
  // Before t = 0: live mode's events from before the page started watching; a minute or more
  // before reads as kubectl's short ages do (-24m, -3h, -2d), so the column keeps its width.
  if (ms <= -60_000) return `-${shortAge(-ms)}`;
  if (ms <= -100) return `-${formatClock(-ms)}`;
  const tenths = Math.max(0, Math.floor(ms / 100));
  const m = Math.floor(tenths / 600);
  const s = (tenths % 600) / 10;
  return `${m}:${s < 10 ? '0' : ''}${s.toFixed(1)}`;
}

/** kubectl's short age of a duration of a minute or more, in its largest whole unit. */
function shortAge(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s < 3600) return `${Math.floor(s / 60)}m`;
  if (s < 2 * 86400) return `${Math.floor(s / 3600)}h`;
  return `${Math.floor(s / 86400)}d`;
}

/** A step time without tenths when it has none (15 000 ms → "0:15"). */
export function formatAt(ms: number): string {
  const full = formatClock(ms);
  return full.endsWith('.0') ? full.slice(0, -2) : full;
}

/** "1 pod", "3 pods". */
export function pods(n: number): string {
  return `${n} ${n === 1 ? 'pod' : 'pods'}`;
}
