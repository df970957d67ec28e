/**
 * Label selector strings (`-l app=web,tier!=db,env in (a,b),!canary`) read like apimachinery
 * labels.Parse, and turned into a LabelSelector like metav1.ParseToLabelSelector: `=`/`==` go to
 * matchLabels, everything else to matchExpressions (`!=` is NotIn).
 */
import type { LabelSelector, LabelSelectorRequirement } from 'kubernetes-types/meta/v1';

type Token = { kind: 'id'; text: string } | { kind: 'op'; text: string } | { kind: 'end' };

const SYMBOLS = ['!=', '==', '=', '!', '(', ')', ','];

function lex(s: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < s.length) {
    if (/\s/.test(s.charAt(i))) {
      i++;
      continue;
    }
    const sym = SYMBOLS.find((x) => s.startsWith(x, i));
    if (sym) {
      out.push({ kind: 'op', text: sym });
      i += sym.length;
      continue;
    }
    let j = i;
    while (j < s.length && !/\s/.test(s.charAt(j)) && !SYMBOLS.some((x) => s.startsWith(x, j))) j++;
    out.push({ kind: 'id', text: s.slice(i, j) });
    i = j;
  }
  out.push({ kind: 'end' });
  return out;
}

export type SelectorResult = { ok: true; selector: LabelSelector } | { ok: false; error: string };

/** Parses a selector string; the error text follows labels.Parse's "unable to parse requirement". */
export function parseSelector(s: string): SelectorResult {
  const toks = lex(s);
  let at = 0;
  const peek = (): Token => toks[at] ?? { kind: 'end' };
  const next = (): Token => toks[at++] ?? { kind: 'end' };
  const describe = (t: Token) => (t.kind === 'end' ? 'EOS' : t.text);
  const fail = (msg: string): SelectorResult => ({
    ok: false,
    error: `unable to parse requirement: ${msg}`,
  });

  const matchLabels: Record<string, string> = {};
  const matchExpressions: LabelSelectorRequirement[] = [];
  if (peek().kind === 'end') return { ok: true, selector: {} };
  for (;;) {
    let t = next();
    if (t.kind === 'op' && t.text === '!') {
      const key = next();
      if (key.kind !== 'id') return fail(`found '${describe(key)}', expected: identifier`);
      matchExpressions.push({ key: key.text, operator: 'DoesNotExist' });
    } else if (t.kind === 'id') {
      const key = t.text;
      t = peek();
      if (t.kind === 'end' || (t.kind === 'op' && t.text === ',')) {
        matchExpressions.push({ key, operator: 'Exists' });
      } else if (t.kind === 'op' && ['=', '==', '!='].includes(t.text)) {
        next();
        const v = peek();
        let value = '';
        if (v.kind === 'id') value = (next() as { text: string }).text;
        else if (!(v.kind === 'end' || (v.kind === 'op' && v.text === ','))) {
          return fail(`found '${describe(v)}', expected: identifier`);
        }
        if (t.text === '!=') matchExpressions.push({ key, operator: 'NotIn', values: [value] });
        else matchLabels[key] = value;
      } else if (t.kind === 'id' && (t.text === 'in' || t.text === 'notin')) {
        next();
        const open = next();
        if (!(open.kind === 'op' && open.text === '('))
          return fail(`found '${describe(open)}', expected: '('`);
        const values: string[] = [];
        for (;;) {
          const v = next();
          if (v.kind === 'op' && v.text === ')') break;
          if (v.kind === 'op' && v.text === ',') continue;
          if (v.kind !== 'id')
            return fail(`found '${describe(v)}', expected: ',', ')' or identifier`);
          values.push(v.text);
        }
        if (values.length === 0) {
          return {
            ok: false,
            error:
              "values: Invalid value: []string{}: for 'in', 'notin' operators, values set can't be empty",
          };
        }
        matchExpressions.push({
          key,
          operator: t.text === 'in' ? 'In' : 'NotIn',
          values: [...new Set(values)].sort(),
        });
      } else {
        return fail(`found '${describe(t)}', expected: in, notin, =, ==, !=, gt, lt`);
      }
    } else {
      return fail(`found '${describe(t)}', expected: !, identifier, or 'end of string'`);
    }
    const sep = next();
    if (sep.kind === 'end') break;
    if (!(sep.kind === 'op' && sep.text === ','))
      return fail(`found '${describe(sep)}', expected: ',' or 'end of string'`);
  }
  return {
    ok: true,
    selector: {
      ...(Object.keys(matchLabels).length ? { matchLabels } : {}),
      ...(matchExpressions.length ? { matchExpressions } : {}),
    },
  };
}
