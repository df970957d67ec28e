/**
 * What live mode keeps of an API server: the LiveCluster the views read (timestamps moved onto
 * the page's clock, liveTime.ts), the Observation a recording is made from (the objects as
 * served, and every change with its time), and the frames and chart points the store takes —
 * built by the same buildFrame and chartPoint as the simulator's, so the stage cannot tell them
 * apart except where the API is silent.
 */
import type { KubeObject } from '../api/objects';
import type { FrameUpdate } from '../view/frame';
import type { ChartPoint } from '../view/chartPoint';
import type { Observation, ObservedObject } from './observation';
import type { LiveKind } from './liveKinds';
import { apiVersionOf } from './liveKinds';
import { LiveCluster, type LiveChangeType } from './liveCluster';
import { shiftFor, shiftTimestamps } from './liveTime';
import { buildFrame, initialCursor, type FrameCursor } from '../view/buildFrame';
import { chartPoint } from '../view/chartPoint';
import { RateWindows } from '../view/rateWindows';
import { emptyCounters } from '../traffic/metrics';

/** Charts get a point every this many ms, as the simulator's (session.ts CHART_STEP_MS). */
const CHART_STEP_MS = 500;

export class LiveMirror {
  readonly cluster = new LiveCluster();
  private readonly shift: number;
  private cursor: FrameCursor;
  private rates = new RateWindows(CHART_STEP_MS);
  private chartNext = 0;
  private points: ChartPoint[] = [];
  /** Kinds listed at least once: a later list is a re-list, its differences are changes. */
  private listedKinds = new Set<string>();
  readonly observation: Observation;

  constructor(
    server: string,
    namespace: string,
    private readonly startedAtMs: number,
  ) {
    this.shift = shiftFor(startedAtMs);
    this.cursor = initialCursor(this.cluster);
    this.observation = {
      server,
      namespace,
      startedAt: new Date(startedAtMs).toISOString(),
      initial: [],
      changes: [],
    };
  }

  /** The page's clock (wall ms): the cluster's now is the time since watching started. */
  setNow(wallMs: number): void {
    this.cluster.now = Math.max(this.cluster.now, wallMs - this.startedAtMs);
  }

  /**
   * A list's items (a first list, a re-list after a dropped watch or 410 Expired, or a poll):
   * the differences from what is mirrored become changes, as if a watch had delivered them.
   */
  listed(k: LiveKind, items: readonly unknown[], wallMs: number): void {
    this.setNow(wallMs);
    const objects = items.map((i) => this.typed(k, i));
    const first = !this.listedKinds.has(k.kind);
    this.listedKinds.add(k.kind);
    const seen = new Set<string>();
    for (const o of objects) {
      seen.add(o.metadata.name);
      const old = this.cluster.get(k.kind, o.metadata.name);
      if (first) {
        this.observation.initial.push(o);
        this.cluster.apply('ADDED', this.mirrored(o));
      } else if (!old) this.record('ADDED', o, wallMs);
      else if (old.metadata?.resourceVersion !== o.metadata.resourceVersion)
        this.record('MODIFIED', o, wallMs);
    }
    for (const old of this.cluster.list(k.kind)) {
      const name = old.metadata?.name ?? '';
      if (seen.has(name)) continue;
      // The raw object is gone: record the mirrored one moved back to wall-clock time.
      this.record('DELETED', this.typed(k, shiftTimestamps(old, -this.shift)), wallMs);
    }
    if (first && k.kind === 'Event') this.cluster.sortEvents();
  }

  /** One watch event (ADDED, MODIFIED, DELETED) for a kind. */
  watched(k: LiveKind, type: LiveChangeType, object: unknown, wallMs: number): void {
    this.setNow(wallMs);
    this.record(type, this.typed(k, object), wallMs);
  }

  private record(type: LiveChangeType, o: ObservedObject, wallMs: number): void {
    this.observation.changes.push({
      atMs: Math.max(0, wallMs - this.startedAtMs),
      type,
      object: o,
    });
    this.cluster.apply(type, this.mirrored(o));
  }

  /** List items come without kind and apiVersion; the kind listed says what they are. */
  private typed(k: LiveKind, item: unknown): ObservedObject {
    const o = (item && typeof item === 'object' ? item : {}) as Record<string, unknown>;
    const metadata = (o.metadata && typeof o.metadata === 'object' ? o.metadata : {}) as {
      name?: unknown;
    };
    return {
      ...o,
      apiVersion: typeof o.apiVersion === 'string' ? o.apiVersion : apiVersionOf(k),
      kind: k.kind,
      metadata: { ...metadata, name: typeof metadata.name === 'string' ? metadata.name : '' },
    };
  }

  private mirrored(o: ObservedObject): KubeObject {
    return shiftTimestamps(o, this.shift) as unknown as KubeObject;
  }

  /** The frame since the previous call and the chart points taken meanwhile (one per 500 ms). */
  frame(): { frame: FrameUpdate; points: ChartPoint[] } {
    // No point before the workloads are listed: an empty cluster would chart as 0 ready pods.
    const listed = ['Pod', 'ReplicaSet', 'Deployment'].every((k) => this.listedKinds.has(k));
    if (listed && this.cluster.now >= this.chartNext) {
      const point = chartPoint(this.cluster, emptyCounters());
      this.rates.close(this.cluster, emptyCounters());
      this.points.push(point);
      this.chartNext = (Math.floor(this.cluster.now / CHART_STEP_MS) + 1) * CHART_STEP_MS;
    }
    const { frame, cursor } = buildFrame(this.cluster, this.cursor, this.rates.view());
    this.cursor = cursor;
    const points = this.points;
    this.points = [];
    return { frame, points };
  }
}
