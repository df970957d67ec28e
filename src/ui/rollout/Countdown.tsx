/**
 * Time left until a simulated instant ("8 s"), with a thin progress bar. Only this subscribes
 * to the clock, a few times per wall second, so the rest of the panel stays still.
 */
import { useCoarseClock } from '../useCoarseClock';

export function Countdown({ from, to, label }: { from?: number; to: number; label: string }) {
  const now = useCoarseClock(200);
  const left = Math.max(0, Math.ceil((to - now) / 1000));
  const done =
    from === undefined
      ? null
      : to > from
        ? Math.min(1, Math.max(0, (now - from) / (to - from)))
        : 1;
  return (
    <span className="ro-countdown">
      <span className="ro-countdown-text" aria-label={label}>
        {left} s
      </span>
      {done !== null && (
        <span className="ro-countdown-track" aria-hidden="true">
          <span className="ro-countdown-fill" style={{ width: `${done * 100}%` }} />
        </span>
      )}
    </span>
  );
}
