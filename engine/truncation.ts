/**
 * A distribution truncated to [min, max] (issue 12 item 2): the base's law conditioned on
 * min ≤ X ≤ max. Sampled by inversion with one uniform (distributions.ts): u is mapped into
 * [F(min), F(max)] and the base's quantile read there — Devroye (1986), *Non-Uniform Random
 * Variate Generation*, §II.2.1 (inversion of a truncated distribution). Its moments are exact,
 * from the base's partial moments Mₖ = ∫ₐᵇ xᵏ f(x) dx: mean M₁/M₀, variance M₂/M₀ − (M₁/M₀)².
 * - exponential (mean m): Mₖ = gₖ(a)e^{−a/m} − gₖ(b)e^{−b/m}, g₀ = 1, g₁(x) = x + m,
 *   g₂(x) = x² + 2mx + 2m² (integration by parts);
 * - uniform: the uniform law on [max(lo, a), min(hi, b)];
 * - triangular: the piecewise-linear density integrated exactly;
 * - lognormal (μ, σ): Mₖ = e^{kμ + k²σ²/2} [Φ(βₖ) − Φ(αₖ)], αₖ = (ln a − μ − kσ²)/σ and βₖ
 *   likewise with b (Johnson, Kotz & Balakrishnan, *Continuous Univariate Distributions* 1,
 *   2nd ed., §14.3, the moments of the incomplete lognormal);
 * - gamma and Erlang (shape k, scale θ): Mⱼ = θʲ Γ(k + j)/Γ(k) [P(k + j, b/θ) − P(k + j, a/θ)]
 *   (x^j times the gamma density of shape k is the density of shape k + j, rescaled).
 * Differences of distribution functions are taken on the side of the smaller tail, so a
 * truncation far in the right tail does not cancel to nothing.
 */
import { gammaP, gammaQ, logGamma } from './gammaFunctions.js';
import type { ContinuousSpec, TruncatedSpec } from './model.js';

/** Φ(z), from the incomplete gamma function: Φ(z) = ½(1 + P(½, z²/2)) for z ≥ 0, ½Q(½, z²/2) below (A&S 7.1.22, 26.2.29). */
export function normalCdf(z: number): number {
  if (z === -Infinity) return 0;
  if (z === Infinity) return 1;
  return z >= 0 ? 0.5 + 0.5 * gammaP(0.5, (z * z) / 2) : 0.5 * gammaQ(0.5, (z * z) / 2);
}

/** Φ(β) − Φ(α) for α ≤ β, on the side of the smaller tail. */
function normalMass(alpha: number, beta: number): number {
  if (alpha > 0) return normalCdf(-alpha) - normalCdf(-beta);
  return normalCdf(beta) - normalCdf(alpha);
}

/** P(k, y) − P(k, x) for x ≤ y, on the side of the smaller tail. */
function gammaMass(k: number, x: number, y: number): number {
  const lg = logGamma(k);
  if (x > k) return gammaQ(k, x, lg) - gammaQ(k, y, lg);
  return gammaP(k, y, lg) - gammaP(k, x, lg);
}

/** The base's distribution function at x. */
export function baseCdf(spec: ContinuousSpec, x: number): number {
  if (x <= 0) return 0;
  switch (spec.dist) {
    case 'exponential': return -Math.expm1(-x / spec.mean);
    case 'uniform': return x <= spec.min ? 0 : x >= spec.max ? 1 : (x - spec.min) / (spec.max - spec.min);
    case 'triangular': return triangularMoments(spec, 0, x)[0];
    case 'lognormal': {
      const s2 = Math.log(1 + spec.cv * spec.cv);
      return normalCdf((Math.log(x) - (Math.log(spec.mean) - s2 / 2)) / Math.sqrt(s2));
    }
    case 'gamma': {
      const k = 1 / (spec.cv * spec.cv);
      return gammaP(k, x / (spec.mean / k));
    }
    case 'erlang': return gammaP(spec.k, x / (spec.mean / spec.k));
  }
}

/** Partial moments M₀, M₁, M₂ of the base over [a, b] (b may be ∞). */
function partialMoments(spec: ContinuousSpec, a: number, b: number): [number, number, number] {
  switch (spec.dist) {
    case 'exponential': {
      const m = spec.mean;
      const ea = Math.exp(-a / m), eb = b === Infinity ? 0 : Math.exp(-b / m);
      const at = (x: number, e: number): [number, number, number] => (e === 0 ? [0, 0, 0] : [e, (x + m) * e, (x * x + 2 * m * x + 2 * m * m) * e]);
      const [, a1, a2] = at(a, ea), [, b1, b2] = at(b, eb);
      // M₀ from expm1: e^{−a/m} − e^{−b/m} = e^{−a/m}(1 − e^{−(b−a)/m}) without cancellation.
      const m0 = b === Infinity ? ea : -ea * Math.expm1(-(b - a) / m);
      return [m0, a1 - b1, a2 - b2];
    }
    case 'uniform': {
      const lo = Math.max(a, spec.min), hi = Math.min(b, spec.max);
      if (hi <= lo) return [0, 0, 0];
      const w = 1 / (spec.max - spec.min);
      return [(hi - lo) * w, ((hi * hi - lo * lo) / 2) * w, ((hi ** 3 - lo ** 3) / 3) * w];
    }
    case 'triangular': return triangularMoments(spec, a, b);
    case 'lognormal': {
      const s2 = Math.log(1 + spec.cv * spec.cv), s = Math.sqrt(s2), mu = Math.log(spec.mean) - s2 / 2;
      const la = a > 0 ? Math.log(a) : -Infinity, lb = Math.log(b);
      const m = (k: number): number => Math.exp(k * mu + (k * k * s2) / 2) * normalMass((la - mu - k * s2) / s, (lb - mu - k * s2) / s);
      return [m(0), m(1), m(2)];
    }
    case 'gamma':
    case 'erlang': {
      const k = spec.dist === 'gamma' ? 1 / (spec.cv * spec.cv) : spec.k;
      const theta = spec.mean / k;
      const x = a / theta, y = b / theta;
      return [gammaMass(k, x, y), theta * k * gammaMass(k + 1, x, y), theta * theta * k * (k + 1) * gammaMass(k + 2, x, y)];
    }
  }
}

/** ∫ₐᵇ xʲ f(x) dx, j = 0, 1, 2, of the triangular density: linear on [min, mode] and on [mode, max]. */
function triangularMoments(spec: Extract<ContinuousSpec, { dist: 'triangular' }>, a: number, b: number): [number, number, number] {
  const { min, mode, max } = spec;
  const out: [number, number, number] = [0, 0, 0];
  // On a piece, f(x) = s·(x − c); ∫ xʲ·s(x − c) dx = s[x^{j+2}/(j+2) − c·x^{j+1}/(j+1)].
  const piece = (lo: number, hi: number, s: number, c: number): void => {
    const l = Math.max(lo, a), h = Math.min(hi, b);
    if (h <= l) return;
    for (let j = 0; j < 3; j++) {
      const F = (x: number): number => x ** (j + 2) / (j + 2) - (c * x ** (j + 1)) / (j + 1);
      out[j] += s * (F(h) - F(l));
    }
  };
  if (mode > min) piece(min, mode, 2 / ((max - min) * (mode - min)), min);
  if (max > mode) piece(mode, max, -2 / ((max - min) * (max - mode)), max);
  return out;
}

export interface Truncation {
  /** P(min ≤ X ≤ max) under the base. */
  readonly mass: number;
  /** F(min) and F(max): the band of [0, 1] a draw's uniform is mapped into. */
  readonly lowerP: number;
  readonly upperP: number;
  readonly mean: number;
  readonly variance: number;
}

/** The truncation's probability band and exact moments. */
export function truncation(spec: TruncatedSpec): Truncation {
  const a = spec.min ?? 0;
  const b = spec.max ?? Infinity;
  const [m0, m1, m2] = partialMoments(spec.of, a, b);
  const mean = m1 / m0;
  return {
    mass: m0,
    lowerP: baseCdf(spec.of, a),
    upperP: b === Infinity ? 1 : baseCdf(spec.of, b),
    mean,
    variance: Math.max(0, m2 / m0 - mean * mean),
  };
}
