/**
 * The simulation's only source of randomness: sfc32, seeded and passed explicitly. Its whole
 * state is four numbers, so a checkpoint copies it and a restore replays the same draws.
 */
export interface RngState {
  a: number;
  b: number;
  c: number;
  d: number;
}

export class Rng {
  private s: RngState;

  constructor(seed: number | RngState, stream = 0) {
    if (typeof seed === 'object') {
      this.s = { ...seed };
      return;
    }
    // splitmix32 expands (seed, stream) into the four words, so streams of one seed are unrelated.
    let x = (seed ^ Math.imul(stream + 1, 0x9e3779b9)) >>> 0;
    const next = (): number => {
      x = (x + 0x9e3779b9) >>> 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.s = { a: next(), b: next(), c: next(), d: next() };
    for (let i = 0; i < 12; i++) this.next();
  }

  state(): RngState {
    return { ...this.s };
  }

  setState(s: RngState): void {
    this.s = { ...s };
  }

  /** Uniform in [0, 1). */
  next(): number {
    const s = this.s;
    const t = (((s.a + s.b) >>> 0) + s.d) >>> 0;
    s.d = (s.d + 1) >>> 0;
    s.a = s.b ^ (s.b >>> 9);
    s.b = (s.c + (s.c << 3)) >>> 0;
    s.c = (s.c << 21) | (s.c >>> 11);
    s.c = (s.c + t) >>> 0;
    return t / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return p > 0 && this.next() < p;
  }

  /** Poisson-distributed count with mean `mean` (inversion below 30, normal approximation above). */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean < 30) {
      const limit = Math.exp(-mean);
      let k = 0;
      let p = this.next();
      while (p > limit) {
        k++;
        p *= this.next();
      }
      return k;
    }
    return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.normal()));
  }

  /** Binomial(n, p): exact for small n·p, normal approximation for large counts. */
  binomial(n: number, p: number): number {
    if (n <= 0 || p <= 0) return 0;
    if (p >= 1) return n;
    const mean = n * p;
    if (n < 40) {
      let k = 0;
      for (let i = 0; i < n; i++) if (this.next() < p) k++;
      return k;
    }
    if (mean < 20 || n - mean < 20) {
      // Poisson approximation on the rarer side keeps the tails honest.
      return mean < n / 2
        ? Math.min(n, this.poisson(mean))
        : n - Math.min(n, this.poisson(n - mean));
    }
    const sd = Math.sqrt(mean * (1 - p));
    return Math.min(n, Math.max(0, Math.round(mean + sd * this.normal())));
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** `len` characters drawn from `alphabet`. */
  chars(alphabet: string, len: number): string {
    let out = '';
    for (let i = 0; i < len; i++) out += alphabet[this.int(alphabet.length)];
    return out;
  }
}
