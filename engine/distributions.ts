/**
 * Samplers of non-negative durations, built once from a `DistSpec` and called in the hot
 * loop. One class for every kind (an integer `kind` and numeric parameters), so the call
 * site in the kernel stays monomorphic; each sampler knows its mean and variance
 * (STYLE habit 7): the Erlang baseline reads the offered load from the same object the
 * simulation samples, and tests compare sample moments with it.
 */
import type { DistSpec } from './model.js';
import type { Stream } from './random.js';

const EXPONENTIAL = 0;
const CONSTANT = 1;
const UNIFORM = 2;
const TRIANGULAR = 3;
const LOGNORMAL = 4;
const GAMMA = 5;
const ERLANG = 6;
const EMPIRICAL = 7;

/** Throws a plain Error naming the parameter: specs are validated at the boundary, this is a guard. */
function check(ok: boolean, what: string): void {
  if (!ok) throw new RangeError(`distribution parameter ${what}`);
}

export class Sampler {
  readonly spec: DistSpec;
  readonly mean: number;
  readonly variance: number;
  private readonly kind: number;
  private readonly a: number;
  private readonly b: number;
  private readonly c: number;
  private readonly table: Float64Array;

  constructor(spec: DistSpec) {
    this.spec = spec;
    let a = 0, b = 0, c = 0, mean = 0, variance = 0, kind = 0;
    let table = new Float64Array(0);
    switch (spec.dist) {
      case 'exponential':
        check(spec.mean > 0, `mean must be > 0 (got ${spec.mean})`);
        kind = EXPONENTIAL; a = spec.mean; mean = a; variance = a * a;
        break;
      case 'constant':
        check(spec.mean >= 0, `mean must be >= 0 (got ${spec.mean})`);
        kind = CONSTANT; a = spec.mean; mean = a; variance = 0;
        break;
      case 'uniform':
        check(spec.min >= 0 && spec.min <= spec.max, `min <= max, min >= 0 (got ${spec.min}, ${spec.max})`);
        kind = UNIFORM; a = spec.min; b = spec.max; mean = (a + b) / 2; variance = ((b - a) * (b - a)) / 12;
        break;
      case 'triangular': {
        const { min, mode, max } = spec;
        check(min >= 0 && min <= mode && mode <= max && min < max, `min <= mode <= max, min < max (got ${min}, ${mode}, ${max})`);
        kind = TRIANGULAR; a = min; b = mode; c = max;
        mean = (min + mode + max) / 3;
        variance = (min * min + mode * mode + max * max - min * mode - min * max - mode * max) / 18;
        break;
      }
      case 'lognormal': {
        check(spec.mean > 0 && spec.cv > 0, `mean > 0 and cv > 0 (got ${spec.mean}, ${spec.cv})`);
        // For X = exp(N(μ, σ²)): σ² = ln(1 + cv²), μ = ln(mean) − σ²/2.
        const s2 = Math.log(1 + spec.cv * spec.cv);
        kind = LOGNORMAL; a = Math.log(spec.mean) - s2 / 2; b = Math.sqrt(s2);
        mean = spec.mean; variance = (spec.cv * spec.mean) ** 2;
        break;
      }
      case 'gamma':
        check(spec.mean > 0 && spec.cv > 0, `mean > 0 and cv > 0 (got ${spec.mean}, ${spec.cv})`);
        // shape k = 1/cv², scale θ = mean·cv².
        kind = GAMMA; a = 1 / (spec.cv * spec.cv); b = spec.mean * spec.cv * spec.cv;
        mean = spec.mean; variance = (spec.cv * spec.mean) ** 2;
        break;
      case 'erlang':
        check(spec.mean > 0 && Number.isInteger(spec.k) && spec.k >= 1, `mean > 0 and integer k >= 1 (got ${spec.mean}, ${spec.k})`);
        kind = ERLANG; a = spec.k; b = spec.mean / spec.k;
        mean = spec.mean; variance = (spec.mean * spec.mean) / spec.k;
        break;
      case 'empirical': {
        check(spec.values.length > 0 && spec.values.every((v) => v >= 0 && Number.isFinite(v)), 'values must be a non-empty list of durations >= 0');
        kind = EMPIRICAL; table = Float64Array.from(spec.values);
        mean = table.reduce((s, v) => s + v, 0) / table.length;
        variance = table.reduce((s, v) => s + (v - mean) * (v - mean), 0) / table.length;
        break;
      }
    }
    this.kind = kind; this.a = a; this.b = b; this.c = c; this.table = table;
    this.mean = mean; this.variance = variance;
  }

  /** One draw, using only `s`. Allocates nothing. */
  draw(s: Stream): number {
    switch (this.kind) {
      case EXPONENTIAL: return -this.a * Math.log(1 - s.next());
      case CONSTANT: return this.a;
      case UNIFORM: return this.a + (this.b - this.a) * s.next();
      case TRIANGULAR: return triangular(this.a, this.b, this.c, s.next());
      case LOGNORMAL: return Math.exp(this.a + this.b * standardNormal(s));
      case GAMMA: return this.b * standardGamma(this.a, s);
      case ERLANG: return this.b * erlangUnit(this.a, s);
      default: return this.table[Math.floor(s.next() * this.table.length)];
    }
  }
}

/** Inverse CDF of the triangular distribution. */
function triangular(min: number, mode: number, max: number, u: number): number {
  const f = (mode - min) / (max - min);
  return u < f
    ? min + Math.sqrt(u * (max - min) * (mode - min))
    : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
}

/** Box–Muller (1958); the second variate is discarded so each call uses exactly two numbers. */
function standardNormal(s: Stream): number {
  const u1 = 1 - s.next();
  const u2 = s.next();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/**
 * Gamma(shape, 1) by Marsaglia & Tsang (2000), "A simple method for generating gamma
 * variables"; shape < 1 uses the boost Gamma(a) = Gamma(a + 1)·U^(1/a).
 */
function standardGamma(shape: number, s: Stream): number {
  if (shape < 1) return standardGamma(shape + 1, s) * Math.pow(1 - s.next(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number, v: number;
    do {
      x = standardNormal(s);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - s.next();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** Sum of k unit exponentials, as −ln of a product of uniforms (products renormalised). */
function erlangUnit(k: number, s: Stream): number {
  let sum = 0;
  let prod = 1;
  for (let i = 0; i < k; i++) {
    prod *= 1 - s.next();
    if (prod < 1e-280) { sum -= Math.log(prod); prod = 1; }
  }
  return sum - Math.log(prod);
}
