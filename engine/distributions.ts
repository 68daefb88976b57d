/**
 * Samplers of non-negative durations, built once from a `DistSpec` and called in the hot
 * loop. One class for every kind (an integer `kind` and numeric parameters), so the call
 * site in the kernel stays monomorphic; each sampler knows its mean and variance
 * (STYLE habit 7): the Erlang baseline reads the offered load from the same object the
 * simulation samples, and tests compare sample moments with it.
 *
 * Every kind draws by inversion, exactly one uniform number a variate (DESIGN §4, common
 * random numbers): x = F⁻¹(u). A mixture splits [0, 1) into bands — [0, zero) gives 0, then one
 * band per component, as wide as its probability — and inverts the component of the band u
 * falls in at u's position within the band: still one uniform a draw, and each component's
 * draw monotone in u. Lognormal uses Wichura's normal quantile (normalQuantile.ts),
 * gamma and Erlang the inverse of the regularized incomplete gamma function (gammaQuantile.ts).
 */
import { logGamma } from './gammaFunctions.js';
import { gammaQuantile } from './gammaQuantile.js';
import type { DistSpec } from './model.js';
import { normalQuantile } from './normalQuantile.js';
import { truncation } from './truncation.js';
import type { Stream } from './random.js';

/** What a draw needs of a `Stream`: its next uniform number in [0, 1). */
export type UniformSource = Pick<Stream, 'next'>;

const EXPONENTIAL = 0;
const CONSTANT = 1;
const UNIFORM = 2;
const TRIANGULAR = 3;
const LOGNORMAL = 4;
const GAMMA = 5;
const ERLANG = 6;
const EMPIRICAL = 7;
const MIXTURE = 8;
const TRUNCATED = 9;

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
  /** A mixture's components, and the upper ends of their bands of [0, 1) (`a` is the zero band's). */
  private readonly parts: readonly Sampler[];
  private readonly bandEnds: Float64Array;

  constructor(spec: DistSpec) {
    this.spec = spec;
    let a = 0, b = 0, c = 0, mean = 0, variance = 0, kind = 0;
    let table = new Float64Array(0);
    let parts: Sampler[] = [];
    let bandEnds = new Float64Array(0);
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
        // shape k = 1/cv², scale θ = mean·cv²; c = ln Γ(k), for the quantile.
        kind = GAMMA; a = 1 / (spec.cv * spec.cv); b = spec.mean * spec.cv * spec.cv; c = logGamma(a);
        mean = spec.mean; variance = (spec.cv * spec.mean) ** 2;
        break;
      case 'erlang':
        check(spec.mean > 0 && Number.isInteger(spec.k) && spec.k >= 1, `mean > 0 and integer k >= 1 (got ${spec.mean}, ${spec.k})`);
        // A gamma of integer shape k and scale mean/k; c = ln Γ(k).
        kind = ERLANG; a = spec.k; b = spec.mean / spec.k; c = logGamma(a);
        mean = spec.mean; variance = (spec.mean * spec.mean) / spec.k;
        break;
      case 'empirical': {
        check(spec.values.length > 0 && spec.values.every((v) => v >= 0 && Number.isFinite(v)), 'values must be a non-empty list of durations >= 0');
        kind = EMPIRICAL; table = Float64Array.from(spec.values);
        mean = table.reduce((s, v) => s + v, 0) / table.length;
        variance = table.reduce((s, v) => s + (v - mean) * (v - mean), 0) / table.length;
        break;
      }
      case 'mixture': {
        const total = spec.components.reduce((s, p) => s + p.weight, 0);
        check(spec.zero >= 0 && spec.zero < 1, `zero must be in [0, 1) (got ${spec.zero})`);
        check(spec.components.length > 0 && spec.components.every((p) => p.weight > 0), 'components must have weights > 0');
        kind = MIXTURE; a = spec.zero;
        parts = spec.components.map((p) => new Sampler(p.of));
        bandEnds = new Float64Array(parts.length);
        // E[X] = Σ pᵢ mᵢ; E[X²] = Σ pᵢ (vᵢ + mᵢ²); the zero band adds nothing to either.
        let end = spec.zero, second = 0;
        parts.forEach((part, i) => {
          const p = ((1 - spec.zero) * (spec.components[i]?.weight ?? 0)) / total;
          end += p;
          bandEnds[i] = end;
          mean += p * part.mean;
          second += p * (part.variance + part.mean * part.mean);
        });
        // The last band ends at 1 whatever the rounding of the sums.
        bandEnds[parts.length - 1] = 1;
        variance = Math.max(0, second - mean * mean);
        break;
      }
      case 'truncated': {
        // u is mapped into [F(min), F(max)] (a, b) and the base read there; table holds [min, max] to clamp rounding.
        const t = truncation(spec);
        check(t.mass > 0 && (spec.max ?? Infinity) > (spec.min ?? 0), `min < max and a truncation with probability > 0 (got mass ${t.mass})`);
        kind = TRUNCATED; a = t.lowerP; b = t.upperP; mean = t.mean; variance = t.variance;
        parts = [new Sampler(spec.of)];
        table = Float64Array.of(spec.min ?? 0, spec.max ?? Infinity);
        break;
      }
    }
    this.kind = kind; this.a = a; this.b = b; this.c = c; this.table = table; this.parts = parts; this.bandEnds = bandEnds;
    this.mean = mean; this.variance = variance;
  }

  /**
   * The duration at probability u in [0, 1): the inverse of the distribution function, 0 (or
   * the lower end) at u = 0 and finite for every u a Stream gives (u ≤ 1 − 2⁻³²).
   * Allocates nothing.
   */
  quantile(u: number): number {
    switch (this.kind) {
      // 0 − … so that u = 0 gives +0, not −0.
      case EXPONENTIAL: return 0 - this.a * Math.log(1 - u);
      case CONSTANT: return this.a;
      case UNIFORM: return this.a + (this.b - this.a) * u;
      case TRIANGULAR: return triangular(this.a, this.b, this.c, u);
      // At u = 0, Φ⁻¹ is −∞ and the exponential 0.
      case LOGNORMAL: return Math.exp(this.a + this.b * normalQuantile(u));
      case GAMMA:
      case ERLANG: return this.b * gammaQuantile(this.a, u, this.c);
      case MIXTURE: return this.mixtureQuantile(u);
      case TRUNCATED: return this.truncatedQuantile(u);
      default: return this.table[Math.floor(u * this.table.length)];
    }
  }

  /** u in the zero band gives 0; else the component whose band holds u, at u's place in the band. */
  private mixtureQuantile(u: number): number {
    if (u < this.a) return 0;
    const ends = this.bandEnds;
    let i = 0;
    while (i < ends.length - 1 && u >= ends[i]) i++;
    const start = i === 0 ? this.a : ends[i - 1];
    // Rounding may put u a hair past its band's start or end: keep the position inside [0, 1).
    const at = Math.min(Math.max((u - start) / (ends[i] - start), 0), 1 - 2 ** -53);
    return this.parts[i].quantile(at);
  }

  /** The base's quantile at u's place in [F(min), F(max)), kept inside [min, max] against rounding. */
  private truncatedQuantile(u: number): number {
    const p = Math.min(this.a + u * (this.b - this.a), 1 - 2 ** -53);
    return Math.min(Math.max(this.parts[0].quantile(p), this.table[0]), this.table[1]);
  }

  /**
   * One draw: exactly one number of `s`, turned by `quantile` (inversion). Every kind and
   * every parameter value uses one number a draw, so that changing a cv or a k never shifts
   * the stream's position: two scenarios run with one seed keep common random numbers.
   */
  draw(s: UniformSource): number {
    return this.quantile(s.next());
  }
}

/**
 * The mean of a duration distribution, seconds: the sampler's own — the one definition every
 * reader uses (the Erlang view of a channel, per-interval means, staffing notes, checks), so
 * an Erlang figure reads the mean of exactly what the simulation draws.
 */
export function distMean(spec: DistSpec): number {
  return new Sampler(spec).mean;
}

/** Inverse CDF of the triangular distribution. */
function triangular(min: number, mode: number, max: number, u: number): number {
  const f = (mode - min) / (max - min);
  return u < f
    ? min + Math.sqrt(u * (max - min) * (mode - min))
    : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
}
