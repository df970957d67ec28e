/**
 * Go's text/tabwriter, as kubectl uses it: cells end at '\t', lines at '\n'; a run of
 * consecutive lines that all have a cell in column c forms a "column block", whose width is the
 * widest cell in it plus padding (at least minWidth). The last cell of a line never belongs to a
 * column and is written as is, so a table has no trailing spaces unless a cell carries one.
 *
 * Ported from go/src/text/tabwriter/tabwriter.go (format, writeLines) with padchar ' ' and no
 * flags. Flushes at single-cell lines are not modelled: such a line ends every column block
 * anyway, so one pass over the whole text gives the same bytes.
 */

export interface TabwriterOptions {
  /** Minimal cell width including padding. */
  minWidth: number;
  /** Spaces added to the widest cell of a column. */
  padding: number;
}

/** kubectl get: cli-runtime printers.GetNewTabWriter (minwidth 6, padding 3). */
export const GET_TABWRITER: TabwriterOptions = { minWidth: 6, padding: 3 };

/** kubectl describe and rollout history: tabbedString in pkg/describe (minwidth 0, padding 2). */
export const DESCRIBE_TABWRITER: TabwriterOptions = { minWidth: 0, padding: 2 };

interface Cell {
  text: string;
  /** Width in runes, as tabwriter counts utf8 characters. */
  width: number;
}

interface State {
  lines: Cell[][];
  widths: number[];
  out: string[];
  opts: TabwriterOptions;
}

/** Aligns tab-separated text exactly as a Go tabwriter flushed once at the end would. */
export function tabwrite(text: string, opts: TabwriterOptions): string {
  const lines = text
    .split('\n')
    .map((line) => line.split('\t').map((t) => ({ text: t, width: [...t].length })));
  const state: State = { lines, widths: [], out: [], opts };
  format(state, 0, lines.length);
  return state.out.join('');
}

/** Rows of cells → an aligned table with kubectl get's spacing, one '\n' after every row. */
export function formatTable(rows: readonly (readonly string[])[], opts = GET_TABWRITER): string {
  if (rows.length === 0) return '';
  return tabwrite(rows.map((r) => `${r.join('\t')}\n`).join(''), opts);
}

function lineAt(s: State, i: number): Cell[] {
  return s.lines[i] ?? [];
}

function format(s: State, line0: number, line1: number): void {
  const column = s.widths.length;
  for (let at = line0; at < line1; at++) {
    if (column >= lineAt(s, at).length - 1) continue;
    // A cell exists in this column: print the lines before the block, then size the block.
    writeLines(s, line0, at);
    line0 = at;
    let width = s.opts.minWidth;
    for (; at < line1; at++) {
      const line = lineAt(s, at);
      if (column >= line.length - 1) break;
      const w = (line[column]?.width ?? 0) + s.opts.padding;
      if (w > width) width = w;
    }
    s.widths.push(width);
    format(s, line0, at);
    s.widths.pop();
    line0 = at;
  }
  writeLines(s, line0, line1);
}

function writeLines(s: State, line0: number, line1: number): void {
  for (let i = line0; i < line1; i++) {
    const line = lineAt(s, i);
    line.forEach((cell, j) => {
      s.out.push(cell.text);
      const w = s.widths[j];
      if (j < s.widths.length && w !== undefined)
        s.out.push(' '.repeat(Math.max(0, w - cell.width)));
    });
    // The text after the last '\n' is the unterminated final line: no newline after it.
    if (i + 1 < s.lines.length) s.out.push('\n');
  }
}
