/**
 * What the two per-version charts share: values per image stacked into areas (d3-stack), and a
 * legend in the version colours.
 */
import { range } from 'd3-array';
import { area, stack, type Series, type SeriesPoint } from 'd3-shape';
import type { Scale } from './chartLayout';
import { versionColor } from './palette';

/** `values[k][i]`: image k at sample i. */
export function stackVersions(
  values: readonly (readonly number[])[],
  samples: number,
): Series<number, number>[] {
  return stack<number, number>()
    .keys(values.map((_, k) => k))
    .value((i, k) => values[k]?.[i] ?? 0)(range(samples));
}

export function areaPaths(
  stacked: Series<number, number>[],
  t: readonly number[],
  x: Scale,
  y: Scale,
) {
  const path = area<SeriesPoint<number>>()
    .x((d) => x(t[d.data] ?? 0))
    .y0((d) => y(d[0]))
    .y1((d) => y(d[1]));
  return stacked.map((s) => ({ k: s.key, d: path(s) ?? '' }));
}

export function versionLegend(images: readonly string[]) {
  return images.map((img, k) => ({ label: img, color: versionColor(k), mark: 'area' as const }));
}
