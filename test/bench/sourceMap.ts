/**
 * Just enough of a source-map reader (v3, VLQ mappings) to turn a position in a built chunk into
 * the source file it came from, so the UI benchmark's profile names src/ files, not minified code.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function decodeVlq(segment: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of segment) {
    const digit = B64.indexOf(ch);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

/** Per generated line: [generated column, source index] pairs, in column order. */
type Lines = [number, number][][];

function parse(map: { sources: string[]; mappings: string }): Lines {
  let source = 0;
  return map.mappings.split(';').map((line) => {
    let col = 0;
    const segs: [number, number][] = [];
    for (const seg of line.split(',')) {
      if (!seg) continue;
      const [dc = 0, ds] = decodeVlq(seg);
      col += dc;
      if (ds !== undefined) {
        source += ds;
        segs.push([col, source]);
      }
    }
    return segs;
  });
}

/** `file` (a chunk's base name), 1-based line and column → the source path, or null. */
export function sourceLocator(
  assets: string,
): (file: string, line: number, col: number) => string | null {
  const cache = new Map<string, { sources: string[]; lines: Lines } | null>();
  return (file, line, col) => {
    if (!cache.has(file)) {
      const path = join(assets, `${file}.map`);
      const map = existsSync(path)
        ? (JSON.parse(readFileSync(path, 'utf8')) as { sources: string[]; mappings: string })
        : null;
      cache.set(file, map ? { sources: map.sources, lines: parse(map) } : null);
    }
    const m = cache.get(file);
    const segs = m?.lines[line - 1];
    if (!m || !segs?.length) return null;
    let hit: [number, number] | undefined;
    for (const s of segs) {
      if (s[0] > col - 1) break;
      hit = s;
    }
    const src = m.sources[(hit ?? segs[0])![1]];
    return src ? src.replace(/^(\.\.\/)+/, '') : null;
  };
}
