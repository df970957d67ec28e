/**
 * One labelled range input that applies live (throttled) and on release. A drag (or a burst of
 * arrow keys) is one gesture: the picture follows every value, the history and the link keep
 * the released one.
 */
import { useId, type CSSProperties, type ReactNode } from 'react';
import { useLiveValue } from './useLiveValue';
import { useSimGesture } from './useSimGesture';

export interface LabeledSliderProps {
  /** The accessible name, exactly as the field is called (e.g. "maxSurge"). */
  label: string;
  min: number;
  max: number;
  step: number;
  actual: number;
  apply(v: number): unknown;
  format(v: number): string;
  disabled?: boolean;
  /** Next to the label (e.g. the count/percent toggle). */
  extra?: ReactNode;
  /** Below the slider (e.g. the resolved numbers). */
  hint?: ReactNode;
}

export function LabeledSlider(p: LabeledSliderProps) {
  const id = useId();
  const live = useLiveValue(p.actual, p.apply, undefined, useSimGesture());
  const value = Math.min(p.max, Math.max(p.min, live.value));
  const fill = p.max > p.min ? ((value - p.min) / (p.max - p.min)) * 100 : 0;
  return (
    <div className={`slider${p.disabled ? ' is-disabled' : ''}`}>
      <div className="slider-head">
        <label htmlFor={id} className="slider-label">
          {p.label}
        </label>
        {p.extra}
        <span className="slider-value" aria-hidden="true">
          {p.format(live.value)}
        </span>
      </div>
      <input
        id={id}
        type="range"
        min={p.min}
        max={p.max}
        step={p.step}
        value={value}
        aria-valuetext={p.format(value)}
        disabled={p.disabled}
        {...live.handlers}
        style={{ '--fill': `${fill}%` } as CSSProperties}
      />
      {p.hint && <div className="slider-hint">{p.hint}</div>}
    </div>
  );
}
