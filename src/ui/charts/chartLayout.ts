/** One coordinate system for the four small multiples: 260 × 140 user units, time in seconds. */
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import type { ChartSeries } from './chartSeries';

export const W = 260;
export const H = 140;
export const M = { top: 10, right: 10, bottom: 20, left: 34 } as const;
export const PLOT_BOTTOM = H - M.bottom;

export type Scale = ScaleLinear<number, number>;

/** What every chart gets from the grid: the same data, x axis, markers and hovered time. */
export interface ChartProps {
  series: ChartSeries;
  x: Scale;
  /** Simulated seconds of ScalingReplicaSet events. */
  marks: readonly number[];
  /** Simulated seconds of the scenario's steps (what the person or script did). */
  steps: readonly number[];
  /** Hovered simulated second, shared by the four charts; null when the pointer is away. */
  hover: number | null;
  onHover(t: number | null): void;
}

/** At least 10 s wide, so the first seconds do not stretch across the whole chart. */
export function xScaleFor(s: ChartSeries): Scale {
  const end = Math.max(s.t.at(-1) ?? 0, s.t0 + 10);
  return scaleLinear()
    .domain([s.t0, end])
    .range([M.left, W - M.right]);
}

export function yScaleFor(top: number): Scale {
  return scaleLinear()
    .domain([0, Math.max(1, top)])
    .nice(3)
    .range([PLOT_BOTTOM, M.top]);
}

export function formatCount(v: number): string {
  return String(Math.round(v));
}

export function formatRate(v: number): string {
  return v > 0 && v < 10 ? v.toFixed(1) : String(Math.round(v));
}

/** Axis labels: 0, 250, 1.5k, 6k (d3's "~s" would print 0 as "0k" next to thousands). */
export function formatTick(v: number): string {
  return Math.abs(v) >= 1000 ? `${+(v / 1000).toFixed(1)}k` : String(+v.toFixed(2));
}
