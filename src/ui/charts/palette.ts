/**
 * Version colours for the charts: colour i belongs to frame.images[i]. The stage paints versions
 * with the CSS variables --v0 … --v7 (src/ui/stage/layout.ts VERSION_COLOURS); the charts use the
 * same variables (defined on :root in stage.css), so a pod tile, its request dots and its chart
 * band always match. The fallbacks repeat stage.css's values for when that sheet is not loaded.
 */
const SLOTS = 8;
const FALLBACK = [
  '#56b4e9',
  '#e69f00',
  '#009e73',
  '#cc79a7',
  '#f0e442',
  '#0072b2',
  '#d55e00',
  '#a8a8a8',
];

export function versionColor(index: number): string {
  const slot = ((index % SLOTS) + SLOTS) % SLOTS;
  return `var(--v${slot}, ${FALLBACK[slot] ?? '#888888'})`;
}
