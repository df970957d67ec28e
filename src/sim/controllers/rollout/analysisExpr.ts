/**
 * The subset of expr-lang (github.com/expr-lang/expr) that Argo's successCondition and
 * failureCondition use: `result` (a Prometheus vector, so `result[0]`), `len(result)`,
 * `isNaN(x)`, numbers, comparisons, `&&`/`and`, `||`/`or`, `!`/`not` and parentheses.
 */
export type ExprResult = { ok: true; value: boolean } | { ok: false; error: string };

type Tok = { t: 'num'; v: number } | { t: 'id'; v: string } | { t: 'op'; v: string };

function tokenize(src: string): Tok[] | string {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i] ?? '';
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const num = /^\d+(\.\d+)?([eE][-+]?\d+)?/.exec(src.slice(i));
    if (num) {
      out.push({ t: 'num', v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const id = /^[A-Za-z_]\w*/.exec(src.slice(i));
    if (id) {
      out.push({ t: 'id', v: id[0] });
      i += id[0].length;
      continue;
    }
    const op = /^(>=|<=|==|!=|&&|\|\||[<>!()[\],])/.exec(src.slice(i));
    if (!op) return `unexpected token "${c}" (1:${i + 1})`;
    out.push({ t: 'op', v: op[0] });
    i += op[0].length;
  }
  return out;
}

type Value = number | boolean | number[];

class Parser {
  private i = 0;
  constructor(
    private readonly toks: Tok[],
    private readonly result: number[],
  ) {}

  parse(): Value {
    const v = this.or();
    if (this.i < this.toks.length) throw new Error('unexpected token after expression');
    return v;
  }

  private peek(): Tok | undefined {
    return this.toks[this.i];
  }

  private isOp(v: string): boolean {
    const t = this.peek();
    return !!t && (t.t === 'op' || t.t === 'id') && t.v === v;
  }

  private expect(v: string): void {
    if (!this.isOp(v)) throw new Error(`expected ${v}`);
    this.i++;
  }

  private or(): Value {
    let l = this.and();
    while (this.isOp('||') || this.isOp('or')) {
      this.i++;
      const r = this.and();
      l = truthy(l) || truthy(r);
    }
    return l;
  }

  private and(): Value {
    let l = this.not();
    while (this.isOp('&&') || this.isOp('and')) {
      this.i++;
      const r = this.not();
      l = truthy(l) && truthy(r);
    }
    return l;
  }

  private not(): Value {
    if (this.isOp('!') || this.isOp('not')) {
      this.i++;
      return !truthy(this.not());
    }
    return this.comparison();
  }

  private comparison(): Value {
    const l = this.primary();
    const t = this.peek();
    if (t?.t !== 'op' || !['>=', '<=', '==', '!=', '<', '>'].includes(t.v)) return l;
    this.i++;
    const a = num(l);
    const b = num(this.primary());
    switch (t.v) {
      case '>=':
        return a >= b;
      case '<=':
        return a <= b;
      case '==':
        return a === b;
      case '!=':
        return a !== b;
      case '<':
        return a < b;
      default:
        return a > b;
    }
  }

  private primary(): Value {
    const t = this.peek();
    if (!t) throw new Error('unexpected end of expression');
    this.i++;
    if (t.t === 'num') return t.v;
    if (t.t === 'op' && t.v === '(') {
      const v = this.or();
      this.expect(')');
      return v;
    }
    if (t.t === 'id' && (t.v === 'true' || t.v === 'false')) return t.v === 'true';
    if (t.t === 'id' && t.v === 'result') {
      if (!this.isOp('[')) return this.result.length === 1 ? (this.result[0] ?? NaN) : this.result;
      this.i++;
      const idx = num(this.primary());
      this.expect(']');
      const v = this.result[idx];
      if (v === undefined)
        throw new Error(
          `reflect: slice index out of range (index ${idx} out of range [0:${this.result.length}])`,
        );
      return v;
    }
    if (t.t === 'id' && (t.v === 'len' || t.v === 'isNaN')) {
      this.expect('(');
      const v = this.or();
      this.expect(')');
      if (t.v === 'len') return Array.isArray(v) ? v.length : 1;
      return Number.isNaN(num(v));
    }
    throw new Error(`unknown name ${t.v}`);
  }
}

function truthy(v: Value): boolean {
  if (typeof v === 'boolean') return v;
  throw new Error('expected bool');
}

function num(v: Value): number {
  if (typeof v === 'number') return v;
  if (Array.isArray(v) && v.length === 1) return v[0] ?? NaN;
  throw new Error(`invalid operation: mismatched types`);
}

/** Evaluates a condition against a measured vector, as Argo's evaluate.EvalCondition does. */
export function evalCondition(expression: string, result: number[]): ExprResult {
  const toks = tokenize(expression);
  if (typeof toks === 'string') return { ok: false, error: toks };
  try {
    const v = new Parser(toks, result).parse();
    if (typeof v !== 'boolean')
      return {
        ok: false,
        error: `expected bool, but got ${Array.isArray(v) ? '[]float64' : 'float64'}`,
      };
    return { ok: true, value: v };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}
