/**
 * kubectl's AGE for a duration (apimachinery duration.HumanDuration: "45s", "2m5s", "12m",
 * "3h4m"), for the text view's pod rows. The simulation formats every other table itself
 * (src/sim/kubectl/print/humanDuration.ts); pods carry only their creation time, so their
 * ages are formatted here, against the frame's clock. test/unit/kubectlAge.test.ts holds the two
 * to the same output.
 */
const MINUTE = 60;
const HOUR = 60 * MINUTE;

export function kubectlAge(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 2 * MINUTE) return `${seconds}s`;
  const minutes = Math.trunc(seconds / MINUTE);
  if (minutes < 10) {
    const s = seconds % MINUTE;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 3 * 60) return `${minutes}m`;
  const hours = Math.trunc(seconds / HOUR);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  const days = Math.trunc(hours / 24);
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${days}d` : `${days}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${days}d`;
  if (hours < 24 * 365 * 8) {
    const dy = days % 365;
    const y = Math.trunc(days / 365);
    return dy === 0 ? `${y}y` : `${y}y${dy}d`;
  }
  return `${Math.trunc(days / 365)}y`;
}
