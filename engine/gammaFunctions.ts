/**
 * ln Γ(x), its derivatives ψ and ψ′ (digamma, trigamma), and the regularized incomplete gamma
 * functions P(a, x) and Q(a, x) = 1 − P(a, x),
 * with the series and the continued fraction they are made of (gammaQuantile.ts inverts P
 * with them). All allocate nothing; shapes a > 0, arguments x ≥ 0.
 */

const EPS = 1e-16;
/** A floor for the denominators of the continued fraction (Lentz's "tiny"). */
const TINY = 1e-300;
/** Enough terms for shapes up to ~1e6; the series and the fraction need O(√a) of them. */
const MAX_TERMS = 100_000;
const HALF_LN_2PI = 0.9189385332046727;

/**
 * Lanczos coefficients for g = 7, n = 9: the set computed by P. Godfrey ("A note on the
 * computation of the convergent Lanczos complex Gamma approximation", 2001) for the series of
 * C. Lanczos, "A Precision Approximation of the Gamma Function", SIAM J. Numer. Anal. B 1,
 * 1964, pp. 86–96. Relative error of Γ about 1e-15 for x ≥ ½.
 */
const LANCZOS_G = 7;
const L0 = 0.99999999999980993, L1 = 676.5203681218851, L2 = -1259.1392167224028;
const L3 = 771.32342877765313, L4 = -176.61502916214059, L5 = 12.507343278686905;
const L6 = -0.13857109526572012, L7 = 9.9843695780195716e-6, L8 = 1.5056327351493116e-7;

/**
 * ln Γ(x) for x > 0. Lanczos: Γ(z + 1) = √(2π) (z + g + ½)^(z + ½) e^−(z + g + ½) A_g(z) with
 * A_g(z) = c₀ + Σ c_k / (z + k); below ½ the recurrence ln Γ(x) = ln Γ(x + 1) − ln x.
 */
export function logGamma(x: number): number {
  if (x < 0.5) return logGamma(x + 1) - Math.log(x);
  const z = x - 1;
  const t = z + LANCZOS_G + 0.5;
  const sum = L0 + L1 / (z + 1) + L2 / (z + 2) + L3 / (z + 3) + L4 / (z + 4) + L5 / (z + 5)
    + L6 / (z + 6) + L7 / (z + 7) + L8 / (z + 8);
  return HALF_LN_2PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** x^a e^−x / Γ(a): the common factor of the series and the fraction (and x times the density). */
function kernel(a: number, x: number, logGammaA: number): number {
  return Math.exp(a * Math.log(x) - x - logGammaA);
}

/**
 * S = P(a, x) / kernel, by the power series P(a, x) = x^a e^−x / Γ(a) · Σₙ xⁿ / (a (a+1) … (a+n))
 * (Abramowitz & Stegun 6.5.29; Numerical Recipes, 3rd ed., §6.2). Converges for every x,
 * quickly for x < a + 1.
 */
export function lowerSeries(a: number, x: number): number {
  let term = 1 / a;
  let sum = term;
  for (let n = 1; n < MAX_TERMS; n++) {
    term *= x / (a + n);
    sum += term;
    if (term < sum * EPS) break;
  }
  return sum;
}

/**
 * Q(a, x) / kernel, by the continued fraction of A&S 6.5.31 in its even form (Numerical
 * Recipes §6.2): Q = kernel · 1/(b₀ + a₁/(b₁ + a₂/(b₂ + …))) with bₙ = x + 2n + 1 − a and
 * aₙ = −n (n − a), evaluated by the modified Lentz method (Lentz 1976; Thompson & Barnett
 * 1986). Converges quickly for x > a + 1.
 */
export function upperFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let f = d;
  for (let n = 1; n < MAX_TERMS; n++) {
    const an = -n * (n - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    f *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return f;
}

/** The regularized lower incomplete gamma function P(a, x) = γ(a, x) / Γ(a). */
export function gammaP(a: number, x: number, logGammaA: number = logGamma(a)): number {
  if (!(x > 0)) return x === 0 ? 0 : NaN;
  if (x === Infinity) return 1;
  const k = kernel(a, x, logGammaA);
  return x < a + 1 ? k * lowerSeries(a, x) : 1 - k * upperFraction(a, x);
}

/** The regularized upper incomplete gamma function Q(a, x) = Γ(a, x) / Γ(a) = 1 − P(a, x). */
export function gammaQ(a: number, x: number, logGammaA: number = logGamma(a)): number {
  if (!(x > 0)) return x === 0 ? 1 : NaN;
  if (x === Infinity) return 0;
  const k = kernel(a, x, logGammaA);
  return x < a + 1 ? 1 - k * lowerSeries(a, x) : k * upperFraction(a, x);
}

/** Below this, ψ and ψ′ are first carried up by their recurrences (the asymptotic series needs x ≳ 10). */
const POLYGAMMA_SERIES_FROM = 10;

/**
 * The digamma function ψ(x) = d ln Γ(x) / dx for x > 0: the recurrence ψ(x) = ψ(x + 1) − 1/x
 * (Abramowitz & Stegun 6.3.5) up to x ≥ 10, then the asymptotic series A&S 6.3.18,
 * ψ(x) ~ ln x − 1/(2x) − Σ B₂ₙ / (2n x²ⁿ) = ln x − 1/(2x) − 1/(12x²) + 1/(120x⁴) − 1/(252x⁶)
 * + 1/(240x⁸) − 1/(132x¹⁰), whose first omitted term is below 1e-16 at x = 10.
 * The gamma MLE's shape equation (analysis/fit/handleFit.ts) needs it.
 */
export function digamma(x: number): number {
  if (!(x > 0)) return NaN;
  let shift = 0;
  while (x < POLYGAMMA_SERIES_FROM) {
    shift += 1 / x;
    x += 1;
  }
  const r = 1 / (x * x);
  const series = r * (1 / 12 - r * (1 / 120 - r * (1 / 252 - r * (1 / 240 - r / 132))));
  return Math.log(x) - 0.5 / x - series - shift;
}

/**
 * The trigamma function ψ′(x) for x > 0: the recurrence ψ′(x) = ψ′(x + 1) + 1/x² (A&S 6.4.6)
 * up to x ≥ 10, then the asymptotic series A&S 6.4.12, ψ′(x) ~ 1/x + 1/(2x²) + Σ B₂ₙ / x²ⁿ⁺¹
 * = 1/x + 1/(2x²) + 1/(6x³) − 1/(30x⁵) + 1/(42x⁷) − 1/(30x⁹) + 5/(66x¹¹).
 * Newton's step for the gamma MLE's shape uses it.
 */
export function trigamma(x: number): number {
  if (!(x > 0)) return NaN;
  let shift = 0;
  while (x < POLYGAMMA_SERIES_FROM) {
    shift += 1 / (x * x);
    x += 1;
  }
  const r = 1 / (x * x);
  const series = (1 / x) * (1 + r * (1 / 6 - r * (1 / 30 - r * (1 / 42 - r * (1 / 30 - (5 * r) / 66)))));
  return series + 0.5 * r + shift;
}
