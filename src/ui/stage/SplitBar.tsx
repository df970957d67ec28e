/**
 * A rule's split over its destinations: the configured weights as a bar in the destinations'
 * version colours, the measured split as a thin bar under it. With two destinations the boundary
 * is a slider: dragging it patches the VirtualService (weightCommand.ts), as `kubectl patch`
 * would, and the console shows the line.
 */
import type { CSSProperties } from 'react';
import { useSimStore } from '../../store/SimStoreProvider';
import { useLiveValue } from '../controls/useLiveValue';
import { useSimGesture } from '../controls/useSimGesture';
import { destName, formatShare } from './routeText';
import type { RouteRuleData } from './stageSelectors';
import { httpRouteWeightCommand, splitWeights, weightCommand } from './weightCommand';

/** Slider steps of 5%: the usual canary steps, and fewer patches while dragging. */
const STEP = 5;

interface Props {
  vs: string;
  rule: RouteRuleData;
  /** Measured share per destination (null: nothing measured yet). */
  measured: (number | null)[];
  /** The route box shows an HTTPRoute: dragging patches its backendRef weights. */
  kind?: 'VirtualService' | 'HTTPRoute';
}

export function SplitBar({ vs, rule, measured, kind = 'VirtualService' }: Props) {
  const command = kind === 'HTTPRoute' ? httpRouteWeightCommand : weightCommand;
  const store = useSimStore();
  const dests = rule.dests;
  const two = dests.length === 2;
  const [a, b] = dests;
  const live = useLiveValue(
    a?.weight ?? 0,
    (v) => store.getState().exec(command(vs, rule.index, splitWeights(100 - v))),
    250,
    useSimGesture(),
  );
  // While dragging, the configured bar follows the thumb.
  const weights =
    two && live.dragging ? [live.value, 100 - live.value] : dests.map((d) => d.weight);
  const hasMeasured = measured.some((m) => m !== null);
  return (
    <div className="split">
      <div className="split-bar" aria-hidden="true">
        {dests.map((d, j) => (
          <span
            key={j}
            className="split-part"
            data-v={d.slot}
            style={{ flexGrow: weights[j] ?? 0 } as CSSProperties}
          />
        ))}
      </div>
      {two && a && b && (
        <input
          type="range"
          className="split-slider"
          min={0}
          max={100}
          step={STEP}
          value={live.value}
          aria-label={`Split of rule ${rule.index + 1} between ${destName(a)} and ${destName(b)}`}
          aria-valuetext={`${destName(a)} ${live.value}%, ${destName(b)} ${100 - live.value}%`}
          {...live.handlers}
        />
      )}
      <div
        className="split-bar split-measured"
        aria-hidden="true"
        data-empty={hasMeasured ? undefined : ''}
        title={
          hasMeasured
            ? `measured: ${dests.map((d, j) => `${destName(d)} ${formatShare(measured[j] ?? 0)}`).join(', ')}`
            : undefined
        }
      >
        {dests.map((d, j) => (
          <span
            key={j}
            className="split-part"
            data-v={d.slot}
            style={{ flexGrow: hasMeasured ? (measured[j] ?? 0) * 100 : 0 } as CSSProperties}
          />
        ))}
      </div>
    </div>
  );
}
