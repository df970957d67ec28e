/** Cluster-wide knobs: the request rate, and how long new pods take to start listening. */
import { useEffect, useState } from 'react';
import { useSim, useSimStore } from '../../store/SimStoreProvider';
import { LabeledSlider } from './LabeledSlider';

/** The engine's default start time, shown until the person moves the slider. */
const DEFAULT_START_MS = 2000;

export function TrafficControls() {
  const store = useSimStore();
  const rps = useSim((s) => s.frame?.traffic.rps ?? 0);
  const target = useSim((s) => s.frame?.traffic.target ?? null);
  // A Gateway API target is an HTTPRoute (or one of its hostnames), not a Service.
  const httpRoute = useSim(
    (s) => s.frame?.routes.find((r) => r.active && r.kind === 'HTTPRoute')?.name ?? null,
  );
  const epoch = useSim((s) => s.epoch);
  const [startMs, setStartMs] = useState<number | null>(null);

  // The start time is not in the frame: read it back from the person's actions (a shared link
  // or a seek back replays them).
  useEffect(() => {
    let live = true;
    void store
      .getState()
      .actionLog()
      .then((actions) => {
        const last = actions.filter((a) => a.kind === 'startTime').at(-1);
        if (live) setStartMs(last?.kind === 'startTime' ? last.ms : null);
      });
    return () => {
      live = false;
    };
  }, [store, epoch]);

  return (
    <section className="traffic" aria-label="Traffic and pods">
      <h3 className="panel-title">Traffic and pods</h3>
      <LabeledSlider
        label="requests per second"
        min={0}
        max={rps > 1000 ? 20000 : 1000}
        step={rps > 1000 ? 100 : 5}
        actual={rps}
        apply={(v) => store.getState().setTraffic({ rps: v })}
        format={(v) => `${v} rps`}
        disabled={target === null}
        hint={
          target === null
            ? 'This scenario sends no traffic.'
            : httpRoute === null
              ? `to service/${target}`
              : httpRoute === target
                ? `to httproute/${target}`
                : `to ${target} through httproute/${httpRoute}`
        }
      />
      <LabeledSlider
        label="pod start time"
        min={0}
        max={20_000}
        step={500}
        actual={startMs ?? DEFAULT_START_MS}
        apply={async (ms) => {
          setStartMs(ms);
          await store.getState().setStartTime(ms);
        }}
        format={(ms) => `${(ms / 1000).toFixed(1)} s`}
        hint={
          startMs === null
            ? 'As in the scenario; new containers use the value you set.'
            : 'From container start until the app accepts connections, for new containers.'
        }
      />
    </section>
  );
}
