/**
 * `kubectl get -o custom-columns=HEADER:PATH,…` (kubectl pkg/cmd/get/customcolumn.go): one
 * header line, then per object each column's JSONPath results joined by ",", `<none>` where the
 * path finds nothing, laid out by the get tabwriter (printers.GetNewTabWriter).
 */
import { evalJsonPath, goSprint, parseJsonPath, type JsonPath } from './jsonPath';
import { formatTable } from './table';

export interface CustomColumn {
  header: string;
  /** The relaxed expression, `{.metadata.name}`. */
  fieldSpec: string;
}

const PATH_ERROR =
  "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'";

/** customcolumn.go RelaxedJSONPathExpression. */
export function relaxedJsonPath(expr: string): string | { error: string } {
  if (expr === '') return expr;
  const m = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/.exec(expr);
  if (!m) return { error: PATH_ERROR };
  return `{.${m[1] || m[2] || ''}}`;
}

/** NewCustomColumnsPrinterFromSpec: the columns of `-o custom-columns=SPEC`, or kubectl's error. */
export function parseCustomColumns(spec: string): CustomColumn[] | { error: string } {
  if (spec === '') return { error: 'custom-columns format specified but no custom columns given' };
  const columns: CustomColumn[] = [];
  for (const part of spec.split(',')) {
    const colon = part.indexOf(':');
    if (colon < 0)
      return {
        error: `unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`,
      };
    const fieldSpec = relaxedJsonPath(part.slice(colon + 1));
    if (typeof fieldSpec !== 'string') return fieldSpec;
    // The printer parses each column's path before printing (a bad one fails the command).
    if (fieldSpec !== '') {
      const parsed = parseJsonPath(fieldSpec);
      if ('error' in parsed) return parsed;
    }
    columns.push({ header: part.slice(0, colon), fieldSpec });
  }
  return columns;
}

/** The table for objects as served (whole-second timestamps, the server's fields). */
export function printCustomColumns(
  columns: readonly CustomColumn[],
  objects: readonly unknown[],
  noHeaders: boolean,
): string {
  const paths: JsonPath[] = columns.map((c) => {
    const p = c.fieldSpec === '' ? [] : parseJsonPath(c.fieldSpec);
    return 'error' in p ? [] : p;
  });
  const rows = objects.map((o) =>
    paths.map((p) => {
      const values = evalJsonPath(p, o);
      return values.length === 0 ? '<none>' : values.map(goSprint).join(',');
    }),
  );
  return formatTable(noHeaders ? rows : [columns.map((c) => c.header), ...rows]);
}
