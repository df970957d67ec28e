/** Simulated seconds per wall second. */
import { useSim, useSimStore } from '../../store/SimStoreProvider';
import { selectSpeed } from '../../store/selectors';

export const SPEEDS = [0.25, 0.5, 1, 2, 5, 10, 25, 100] as const;

export function SpeedSelect() {
  const store = useSimStore();
  const speed = useSim(selectSpeed);
  const known = (SPEEDS as readonly number[]).includes(speed);
  return (
    <label className="speed">
      <span className="label-text">Speed</span>
      <select
        className="select"
        value={String(speed)}
        onChange={(e) => void store.getState().setSpeed(Number(e.currentTarget.value))}
      >
        {!known && <option value={String(speed)}>{speed}×</option>}
        {SPEEDS.map((s) => (
          <option key={s} value={String(s)}>
            {s}×
          </option>
        ))}
      </select>
    </label>
  );
}
