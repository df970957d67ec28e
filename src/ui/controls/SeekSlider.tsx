/** Simulated time as a slider: 0 … max(scenario duration, now), 100 ms steps; dragging seeks. */
import { useCallback, type CSSProperties } from 'react';
import { useSim, useSimStore } from '../../store/SimStoreProvider';
import { selectTime } from '../../store/selectors';
import { formatClock } from './formatClock';
import { useLiveValue } from './useLiveValue';

export function SeekSlider() {
  const store = useSimStore();
  const t = useSim(selectTime);
  const duration = useSim((s) => s.info?.duration ?? 0);
  const ready = useSim((s) => s.status === 'ready');
  const seek = useCallback((ms: number) => store.getState().seek(ms), [store]);
  const live = useLiveValue(t, seek, 150);
  const max = Math.max(duration, t, live.value);
  const value = Math.round(live.value / 100) * 100;
  return (
    <div className="seek">
      <input
        type="range"
        aria-label="Simulated time"
        aria-valuetext={formatClock(value)}
        min={0}
        max={Math.ceil(max / 100) * 100}
        step={100}
        value={value}
        disabled={!ready}
        onChange={(e) => live.input(Number(e.currentTarget.value))}
        onPointerUp={live.commit}
        onKeyUp={live.commit}
        onBlur={live.commit}
        style={{ '--fill': `${max > 0 ? (value / max) * 100 : 0}%` } as CSSProperties}
      />
      <span className="seek-end" aria-label="Scenario duration">
        {formatClock(duration)}
      </span>
    </div>
  );
}
