/**
 * `sim serve --speed 0` serves a simulated instant T as the wall instant ⌊w⌋ₛ − sim0 + T, w being
 * the request's wall time (src/sim/apiserver/servedClock.ts). kubectl prints those instants
 * (describe's RFC 1123 dates, -o yaml's RFC 3339): mapped back here to the simulation's own
 * calendar (SIM_EPOCH_MS) so they compare with the console's, given the wall second in which
 * kubectl ran.
 */
import { SIM_EPOCH_MS } from '../../../src/sim/core/time';

const RFC3339 = /\b(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)Z/g;
// Go's time.RFC1123Z as describe prints it: "Thu, 01 Jan 2026 00:00:00 +0000".
const RFC1123Z = /\b[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d \+0000/g;
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function rfc1123z(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}

/** Wall timestamps in `text` → the simulated ones, for a command run in wall second `wallSecondMs`. */
export function toSimTimes(text: string, wallSecondMs: number, simNowMs: number): string {
  const offset = wallSecondMs - Math.floor(simNowMs / 1000) * 1000 - SIM_EPOCH_MS;
  const back = (wall: number) => wall - offset;
  return text
    .replace(
      RFC3339,
      (_m, s: string) => `${new Date(back(Date.parse(`${s}Z`))).toISOString().slice(0, 19)}Z`,
    )
    .replace(RFC1123Z, (m) => rfc1123z(back(Date.parse(m))));
}
