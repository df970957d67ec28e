/**
 * replicas, maxSurge, maxUnavailable and minReadySeconds of one Deployment. Each change is sent
 * as the kubectl a person would type (scale / patch); the resolved pod numbers come from the
 * frame, so what is shown is what the controller uses.
 */
import { memo, useCallback, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { DeploymentField } from '../../store/edits';
import { useSim, useSimStore } from '../../store/SimStoreProvider';
import { selectStrategyValues } from './deploymentSelectors';
import { LabeledSlider } from './LabeledSlider';
import { UnitToggle } from './UnitToggle';
import { ReplicasOwner } from './ReplicasOwner';
import {
  convert,
  isPercent,
  surgeText,
  unavailableText,
  writtenNumber,
  type StrategyField,
  type StrategyInput,
} from './resolvedText';

/**
 * Subscribes to the spec values and resolved numbers only (primitives, compared shallowly), so
 * the sliders re-render when one of them changes, not with every frame.
 */
export const StrategySliders = memo(function StrategySliders({ name }: { name: string }) {
  const v = useSim(useShallow(useMemo(() => selectStrategyValues(name), [name])));
  if (!v) return null;
  return (
    <Sliders
      name={name}
      type={v.type}
      replicas={v.replicas}
      maxSurge={v.maxSurge}
      maxUnavailable={v.maxUnavailable}
      minReadySeconds={v.minReadySeconds}
      surgePods={v.surgePods}
      unavailablePods={v.unavailablePods}
    />
  );
});

interface SlidersProps {
  name: string;
  type: 'RollingUpdate' | 'Recreate';
  replicas: number;
  maxSurge: number | string | null;
  maxUnavailable: number | string | null;
  minReadySeconds: number;
  surgePods: number;
  unavailablePods: number;
}

function Sliders({ name, ...p }: SlidersProps) {
  const store = useSimStore();
  const [error, setError] = useState<string | null>(null);
  const d: StrategyInput = useMemo(
    () => ({
      spec: { replicas: p.replicas, maxSurge: p.maxSurge, maxUnavailable: p.maxUnavailable },
      strategy: { type: p.type, maxSurge: p.surgePods, maxUnavailable: p.unavailablePods },
    }),
    [p.replicas, p.maxSurge, p.maxUnavailable, p.type, p.surgePods, p.unavailablePods],
  );
  const edit = useCallback(
    async (field: DeploymentField, value: number | string) => {
      const r = await store.getState().editDeployment(name, field, value);
      setError(r.exitCode === 0 ? null : r.output.trim());
    },
    [store, name],
  );
  const recreate = d.strategy.type === 'Recreate';
  const replicasMax = d.spec.replicas > 20 ? 400 : 20;
  return (
    <div className="sliders">
      <LabeledSlider
        label="replicas"
        min={0}
        max={replicasMax}
        step={1}
        actual={d.spec.replicas}
        apply={(v) => edit('replicas', v)}
        format={(v) => String(v)}
        hint={<ReplicasOwner deployment={name} />}
      />
      {recreate && (
        <p className="note">
          Strategy <code>Recreate</code>: every old pod stops before new ones start, so maxSurge and
          maxUnavailable do not apply.
        </p>
      )}
      <StrategySlider d={d} field="maxSurge" disabled={recreate} edit={edit} />
      <StrategySlider d={d} field="maxUnavailable" disabled={recreate} edit={edit} />
      <LabeledSlider
        label="minReadySeconds"
        min={0}
        max={30}
        step={1}
        actual={p.minReadySeconds}
        apply={(v) => edit('minReadySeconds', v)}
        format={(v) => `${v} s`}
      />
      {error && (
        <pre className="edit-error" role="alert">
          {error}
        </pre>
      )}
    </div>
  );
}

function StrategySlider({
  d,
  field,
  disabled,
  edit,
}: {
  d: StrategyInput;
  field: StrategyField;
  disabled: boolean;
  edit(field: DeploymentField, value: number | string): Promise<void>;
}) {
  const percent = isPercent(d, field);
  const hint = field === 'maxSurge' ? surgeText(d) : unavailableText(d);
  return (
    <LabeledSlider
      label={field}
      min={0}
      max={percent ? 100 : 10}
      step={percent ? 5 : 1}
      actual={writtenNumber(d, field)}
      apply={(v) => edit(field, percent ? `${v}%` : v)}
      format={(v) => (percent ? `${v}%` : String(v))}
      disabled={disabled}
      extra={
        <UnitToggle
          field={field}
          percent={percent}
          disabled={disabled}
          onChange={(toPercent) => void edit(field, convert(d, field, toPercent))}
        />
      }
      hint={disabled ? null : hint}
    />
  );
}
