/**
 * Step i/n, SetWeight (the weight the current step asks for) and ActualWeight (the canary's
 * share of available pods, or the router's weight), as the plugin prints them, each as a bar
 * in the canary version's colour over the stable version's.
 */
import { useMemo, type CSSProperties } from 'react';
import { useSim } from '../../store/SimStoreProvider';
import { versionColor } from '../charts/palette';
import { selectReplicaSetColour } from './rolloutSelectors';

interface Props {
  step: number | null;
  steps: number | null;
  setWeight: number | null;
  actualWeight: number | null;
  stable: string | null;
  canary: string | null;
}

export function WeightBars({ step, steps, setWeight, actualWeight, stable, canary }: Props) {
  const stableColour = useSim(useMemo(() => selectReplicaSetColour(stable), [stable]));
  const canaryColour = useSim(useMemo(() => selectReplicaSetColour(canary), [canary]));
  const style = {
    '--ro-canary': canaryColour >= 0 ? versionColor(canaryColour) : 'var(--accent)',
    '--ro-stable':
      stableColour >= 0
        ? `color-mix(in srgb, ${versionColor(stableColour)} 28%, transparent)`
        : 'color-mix(in srgb, var(--muted) 25%, transparent)',
  } as CSSProperties;
  return (
    <div className="ro-weights" style={style}>
      {step !== null && steps !== null && (
        <p
          className="ro-stepcount"
          title="status.currentStepIndex / steps, as the plugin prints it"
        >
          Step <strong>{`${step}/${steps}`}</strong>
        </p>
      )}
      <Bar label="SetWeight" value={setWeight} />
      <Bar label="ActualWeight" value={actualWeight} />
    </div>
  );
}

function Bar({ label, value }: { label: string; value: number | null }) {
  const v = value ?? 0;
  return (
    <div className="ro-bar-row">
      <span className="ro-bar-label">{label}</span>
      <span
        className="ro-bar"
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={v}
      >
        <span className="ro-bar-fill" style={{ width: `${Math.max(0, Math.min(100, v))}%` }} />
      </span>
      <span className="ro-bar-value">{value ?? '–'}</span>
    </div>
  );
}
