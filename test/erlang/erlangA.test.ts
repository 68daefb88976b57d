// Erlang A checked against independent derivations: a direct numerical solution of a tagged
// arrival's Markov chain (RK4), numerical integration of the Baccelli–Hébuterne virtual-wait
// density, and the conservation identities of the birth–death chain.
import { describe, expect, it } from 'vitest';
import { InputError } from '../../engine/errors.js';
import { erlangA, erlangBWhole, erlangC } from '../../engine/erlang/index.js';

interface Queue {
  lambda: number;
  mu: number;
  theta: number;
  n: number;
  targetSec: number;
}

/** Stationary probabilities of n busy + k waiting, k = 0..K, by direct normalisation. */
function arrivalSeesQueue(q: Queue): { pServedImmediately: number; waiting: number[] } {
  const load = q.lambda / q.mu;
  const belowN: number[] = [1];
  for (let j = 1; j <= q.n; j++) belowN.push(((belowN[j - 1] ?? 0) * load) / j);
  const waiting: number[] = [belowN[q.n] ?? 0];
  while ((waiting.at(-1) ?? 0) > 1e-300 && waiting.length < 5000) {
    const k = waiting.length;
    waiting.push(((waiting.at(-1) ?? 0) * q.lambda) / (q.n * q.mu + k * q.theta));
  }
  const z = belowN.slice(0, q.n).reduce((a, b) => a + b, 0) + waiting.reduce((a, b) => a + b, 0);
  return { pServedImmediately: belowN.slice(0, q.n).reduce((a, b) => a + b, 0) / z, waiting: waiting.map((w) => w / z) };
}

/** RK4 on the tagged arrival's chain (m ahead → m−1 at nμ+mθ; abandons at θ) up to T. */
function taggedOutcomeByT(q: Queue, ahead: number): { served: number; abandoned: number } {
  const steps = 4000;
  const h = q.targetSec / steps;
  let p = new Float64Array(ahead + 1);
  p[ahead] = 1;
  let served = 0;
  let abandoned = 0;
  const deriv = (x: Float64Array): [Float64Array, number, number] => {
    const d = new Float64Array(ahead + 1);
    let s = 0;
    let a = 0;
    for (let m = 0; m <= ahead; m++) {
      const xm = x[m] ?? 0;
      d[m] = (d[m] ?? 0) - (q.n * q.mu + (m + 1) * q.theta) * xm;
      if (m > 0) d[m - 1] = (d[m - 1] ?? 0) + (q.n * q.mu + m * q.theta) * xm;
      else s += q.n * q.mu * xm;
      a += q.theta * xm;
    }
    return [d, s, a];
  };
  const add = (x: Float64Array, d: Float64Array, c: number): Float64Array => x.map((v, i) => v + c * (d[i] ?? 0));
  for (let t = 0; t < steps; t++) {
    const [k1, s1, a1] = deriv(p);
    const [k2, s2, a2] = deriv(add(p, k1, h / 2));
    const [k3, s3, a3] = deriv(add(p, k2, h / 2));
    const [k4, s4, a4] = deriv(add(p, k3, h));
    p = p.map((v, i) => v + (h / 6) * ((k1[i] ?? 0) + 2 * (k2[i] ?? 0) + 2 * (k3[i] ?? 0) + (k4[i] ?? 0)));
    served += (h / 6) * (s1 + 2 * s2 + 2 * s3 + s4);
    abandoned += (h / 6) * (a1 + 2 * a2 + 2 * a3 + a4);
  }
  return { served, abandoned };
}

function bruteForce(q: Queue) {
  const seen = arrivalSeesQueue(q);
  let answeredWithin = seen.pServedImmediately;
  let abandonedWithin = 0;
  seen.waiting.forEach((pk, k) => {
    if (pk < 1e-13) return;
    const o = taggedOutcomeByT(q, k);
    answeredWithin += pk * o.served;
    abandonedWithin += pk * o.abandoned;
  });
  return { answeredWithin, abandonedWithin };
}

const cases: Queue[] = [
  { lambda: 100 / 1800, mu: 1 / 180, theta: 1 / 300, n: 14, targetSec: 20 },
  { lambda: 1 / 10, mu: 1 / 240, theta: 1 / 60, n: 20, targetSec: 30 },
  { lambda: 1 / 5, mu: 1 / 300, theta: 1 / 120, n: 50, targetSec: 15 },
];

describe('Erlang A against a numerical solution of the tagged arrival’s chain', () => {
  for (const q of cases) {
    it(`n=${q.n}, load ${(q.lambda / q.mu).toFixed(1)} Erl, patience ${1 / q.theta} s: answered and abandoned within T, all three SLs`, () => {
      const r = erlangA({ ratePerSec: q.lambda, handleSec: 1 / q.mu, patienceSec: 1 / q.theta, agents: q.n, targetSec: q.targetSec });
      const b = bruteForce(q);
      expect(r.pAnsweredWithinTarget).toBeCloseTo(b.answeredWithin, 9);
      expect(r.pAbandonWithinTarget).toBeCloseTo(b.abandonedWithin, 9);
      expect(r.serviceLevels.offered).toBeCloseTo(b.answeredWithin, 9);
      expect(r.serviceLevels.excludeShortAbandons).toBeCloseTo(b.answeredWithin / (1 - b.abandonedWithin), 9);
      expect(r.serviceLevels.answered).toBeCloseTo(b.answeredWithin / (1 - r.pAbandon), 9);
    });
  }
});

describe('Erlang A against the virtual-wait density f_V(x) = nμ π_n exp(λ(1−e^{−θx})/θ − nμx)', () => {
  it('ASA of answered contacts equals ∫ x f_V(x) e^{−θx} dx ÷ P(answered), by Simpson’s rule', () => {
    const q = cases[1]!;
    const r = erlangA({ ratePerSec: q.lambda, handleSec: 1 / q.mu, patienceSec: 1 / q.theta, agents: q.n, targetSec: q.targetSec });
    const seen = arrivalSeesQueue(q);
    const piN = seen.waiting[0] ?? 0;
    const f = (x: number): number => q.n * q.mu * piN * Math.exp((q.lambda * (1 - Math.exp(-q.theta * x))) / q.theta - q.n * q.mu * x);
    const upper = 3000;
    const m = 200_000;
    const h = upper / m;
    let servedWait = 0;
    let servedAfterWait = 0;
    for (let i = 0; i <= m; i++) {
      const x = i * h;
      const w = i === 0 || i === m ? 1 : i % 2 === 1 ? 4 : 2;
      servedWait += w * x * f(x) * Math.exp(-q.theta * x);
      servedAfterWait += w * f(x) * Math.exp(-q.theta * x);
    }
    const pServed = seen.pServedImmediately + (servedAfterWait * h) / 3;
    expect(1 - r.pAbandon).toBeCloseTo(pServed, 9);
    expect(r.asaSec).toBeCloseTo((servedWait * h) / 3 / pServed, 7);
  });
});

describe('Erlang A identities of the birth–death chain', () => {
  it('P(wait) = Σ_k π_{n+k} from direct normalisation, and ASA of all = E[Q]/λ = P(abandon)/θ', () => {
    for (const q of cases) {
      const r = erlangA({ ratePerSec: q.lambda, handleSec: 1 / q.mu, patienceSec: 1 / q.theta, agents: q.n, targetSec: q.targetSec });
      const seen = arrivalSeesQueue(q);
      const pWait = seen.waiting.reduce((a, b) => a + b, 0);
      const queueLength = seen.waiting.reduce((a, p, k) => a + k * p, 0);
      expect(r.pWait).toBeCloseTo(pWait, 12);
      expect(r.queueLength).toBeCloseTo(queueLength, 10);
      expect(r.pAbandon).toBeCloseTo((q.theta * queueLength) / q.lambda, 12);
      expect(r.asaAllSec).toBeCloseTo(queueLength / q.lambda, 9);
    }
  });

  it('with no agents every contact waits and abandons', () => {
    const r = erlangA({ ratePerSec: 0.1, handleSec: 300, patienceSec: 60, agents: 0, targetSec: 20 });
    expect(r.pWait).toBe(1);
    expect(r.pAbandon).toBeCloseTo(1, 12);
    expect(r.pAbandonWithinTarget).toBeCloseTo(1 - Math.exp(-20 / 60), 12);
    expect(r.serviceLevel).toBe(0);
  });

  it('overloaded beyond the agents (λ > nμ) stays finite: abandonment balances the excess', () => {
    const r = erlangA({ ratePerSec: 1, handleSec: 100, patienceSec: 600, agents: 50, targetSec: 20 });
    expect(r.pAbandon).toBeGreaterThan(0.5 - 1e-9);
    expect(r.occupancy).toBeCloseTo(1, 2);
    expect(Number.isFinite(r.asaSec)).toBe(true);
  });

  it('fractional agents interpolate between the neighbouring whole counts', () => {
    const at = (agents: number) => erlangC({ ratePerSec: 1 / 18, handleSec: 180, agents, targetSec: 20 });
    expect(at(13.25).serviceLevel).toBeCloseTo(0.75 * at(13).serviceLevel + 0.25 * at(14).serviceLevel, 14);
    expect(erlangBWhole(0, 5)).toBe(1);
  });
});

/**
 * The same queue from its birth–death chain in logs (states j ≤ n busy, then n + k with k
 * waiting), for loads whose weights overflow a double: ln π_n and, by PASTA, P(wait).
 */
function logChain(q: Queue): { logPiN: number; pWait: number; queueLength: number } {
  const logW: number[] = [0];
  let peak = 0;
  for (let j = 1; ; j++) {
    const death = Math.min(j, q.n) * q.mu + Math.max(j - q.n, 0) * q.theta;
    const w = (logW[j - 1] ?? 0) + Math.log(q.lambda / death);
    logW.push(w);
    peak = Math.max(peak, w);
    // Past the mode the weights fall: stop 60 e-folds (a factor 1e-26) below the peak.
    if (j > q.n && q.lambda < death && w < peak - 60) break;
  }
  const z = logW.reduce((s, w) => s + Math.exp(w - peak), 0);
  const p = logW.map((w) => Math.exp(w - peak) / z);
  return {
    logPiN: (logW[q.n] ?? 0) - peak - Math.log(z),
    pWait: p.slice(q.n).reduce((s, x) => s + x, 0),
    queueLength: p.reduce((s, x, j) => s + Math.max(j - q.n, 0) * x, 0),
  };
}

/** ∫_a^b g by Simpson's rule on m (even) panels. */
function simpson(g: (x: number) => number, a: number, b: number, m: number): number {
  const h = (b - a) / m;
  let s = g(a) + g(b);
  for (let i = 1; i < m; i++) s += (i % 2 === 1 ? 4 : 2) * g(a + i * h);
  return (s * h) / 3;
}

/**
 * Overloaded queues, from the chain in logs and the virtual-wait density. `peak`: (λ − nμ)/θ,
 * where the queue settles; `upper`, `panels`: Simpson's range and panels for the integrals
 * over all waits (the density is centred near ln(λ/nμ)/θ, with width ~√(1/(nμθ))).
 */
const overloaded: { name: string; q: Queue; peak: number; upper: number; panels: number; abandonedWithinAtLeast: number }[] = [
  {
    // 1000 Erlangs offered to 500 agents (λ = 10/s, AHT 100 s), patience 10 min: the queue
    // settles near 3000 waiting, and the sums run from an empty queue.
    name: '1000 Erlangs on 500 agents, patience 10 min (sums from an empty queue)',
    q: { lambda: 10, mu: 1 / 100, theta: 1 / 600, n: 500, targetSec: 20 }, peak: 3000, upper: 6000, panels: 120_000, abandonedWithinAtLeast: 0.03,
  },
  {
    // The same center with patience 50 min: 15 000 waiting, past the 10 000 up to which the
    // sums run from empty, so they start at the peak and run outwards (queueLength.ts).
    name: '1000 Erlangs on 500 agents, patience 50 min (sums from the peak queue)',
    q: { lambda: 10, mu: 1 / 100, theta: 1 / 3000, n: 500, targetSec: 2000 }, peak: 15_000, upper: 12_000, panels: 240_000, abandonedWithinAtLeast: 0.4,
  },
];

describe.each(overloaded)('Erlang A overloaded far past the range of a double (weights beyond e^700): $name', ({ q, peak, upper, panels, abandonedWithinAtLeast }) => {
  const patience = 1 / q.theta;
  const at = () => erlangA({ ratePerSec: q.lambda, handleSec: 1 / q.mu, patienceSec: patience, agents: q.n, targetSec: q.targetSec });

  it('P(wait), mean queue, P(abandon), ASA of all and occupancy agree with the chain', () => {
    const r = at();
    const chain = logChain(q);
    expect(r.pWait).toBeCloseTo(chain.pWait, 12);
    expect(r.queueLength / peak).toBeCloseTo(chain.queueLength / peak, 10);
    expect(r.pAbandon).toBeCloseTo((q.theta * chain.queueLength) / q.lambda, 10);
    expect(r.asaAllSec / patience).toBeCloseTo(chain.queueLength / q.lambda / patience, 10);
    expect(r.occupancy).toBeCloseTo((q.lambda * (1 - (q.theta * chain.queueLength) / q.lambda)) / (q.n * q.mu), 10);
  });

  it('answered and abandoned within T and the ASA of answered contacts agree with the virtual-wait density', () => {
    // f_V(v) = nμ π_n exp(λ(1 − e^{−θv})/θ − nμv) for v > 0 (Baccelli & Hébuterne 1981), so
    // answered within T = P(no wait) + ∫₀ᵀ f_V e^{−θv}, abandoned within T = ∫₀ᵀ f_V (1 − e^{−θv})
    // + (1 − e^{−θT}) (P(wait) − ∫₀ᵀ f_V), ASA = ∫₀^∞ v f_V e^{−θv} ÷ P(answered).
    const r = at();
    const chain = logChain(q);
    const nMu = q.n * q.mu;
    const f = (v: number): number => Math.exp(Math.log(nMu) + chain.logPiN + (-q.lambda * Math.expm1(-q.theta * v)) / q.theta - nMu * v);
    const T = q.targetSec;
    const within = simpson(f, 0, T, 2000 * Math.ceil(T / 20));
    const servedWithin = simpson((v) => f(v) * Math.exp(-q.theta * v), 0, T, 2000 * Math.ceil(T / 20));
    const answeredWithin = 1 - chain.pWait + servedWithin;
    const abandonedWithin = within - servedWithin + -Math.expm1(-q.theta * T) * (chain.pWait - within);
    expect(r.pAnsweredWithinTarget).toBeCloseTo(answeredWithin, 9);
    expect(r.pAbandonWithinTarget).toBeCloseTo(abandonedWithin, 9);
    expect(r.pAbandonWithinTarget).toBeGreaterThan(abandonedWithinAtLeast);
    const served = simpson((v) => f(v) * Math.exp(-q.theta * v), 0, upper, panels);
    const servedWait = simpson((v) => v * f(v) * Math.exp(-q.theta * v), 0, upper, panels);
    expect(1 - r.pAbandon).toBeCloseTo(1 - chain.pWait + served, 9);
    expect(r.asaSec / patience).toBeCloseTo(servedWait / (1 - chain.pWait + served) / patience, 9);
  });
});

describe('Erlang A limits and defaults', () => {
  it('without load nobody waits or abandons, everyone is answered at once and no agent is busy', () => {
    const r = erlangA({ ratePerSec: 0, handleSec: 300, patienceSec: 60, agents: 5, targetSec: 20 });
    expect(r).toEqual({
      model: 'erlangA',
      loadErlangs: 0,
      agents: 5,
      targetSec: 20,
      patienceSec: 60,
      serviceLevelDefinition: 'excludeShortAbandons',
      pWait: 0,
      pAbandon: 0,
      pAnsweredWithinTarget: 1,
      pAbandonWithinTarget: 0,
      serviceLevel: 1,
      serviceLevels: { excludeShortAbandons: 1, offered: 1, answered: 1 },
      asaSec: 0,
      asaAllSec: 0,
      occupancy: 0,
      queueLength: 0,
    });
  });

  it('with no agents and T far beyond the patience everyone abandons within T: every SL is 0, ASA of answered ∞', () => {
    // n = 0: the waiting contacts are an M/M/∞ queue of patience, mean λ/θ = 0.1 × 1 = 0.1.
    const r = erlangA({ ratePerSec: 0.1, handleSec: 300, patienceSec: 1, agents: 0, targetSec: 10_000 });
    expect(r).toMatchObject({ loadErlangs: 30, pWait: 1, pAbandon: 1, pAnsweredWithinTarget: 0, pAbandonWithinTarget: 1, asaSec: Infinity, occupancy: 0 });
    expect(r.serviceLevels).toEqual({ excludeShortAbandons: 0, offered: 0, answered: 0 });
    expect(r.queueLength).toBeCloseTo(0.1, 14);
    expect(r.asaAllSec).toBeCloseTo(1, 14);
  });

  it('reports the excludeShortAbandons service level unless told otherwise, and echoes its inputs', () => {
    const q = cases[0]!;
    const input = { ratePerSec: q.lambda, handleSec: 1 / q.mu, patienceSec: 1 / q.theta, agents: q.n, targetSec: q.targetSec };
    const r = erlangA(input);
    expect(r).toMatchObject({ model: 'erlangA', agents: 14, targetSec: 20, patienceSec: 300, serviceLevelDefinition: 'excludeShortAbandons' });
    expect(r.loadErlangs).toBeCloseTo(10, 12);
    expect(r.serviceLevel).toBe(r.serviceLevels.excludeShortAbandons);
    const answered = erlangA({ ...input, serviceLevelDefinition: 'answered' });
    expect(answered.serviceLevel).toBe(answered.serviceLevels.answered);
  });

  it('interpolates every figure of a fractional count linearly between ⌊n⌋ and ⌈n⌉; occupancy is λ(1 − P(abandon)) / (nμ)', () => {
    const q = cases[1]!;
    const at = (agents: number) => erlangA({ ratePerSec: q.lambda, handleSec: 1 / q.mu, patienceSec: 1 / q.theta, agents, targetSec: q.targetSec });
    const [lo, hi, mid] = [at(20), at(21), at(20.25)];
    const mix = (a: number, b: number): number => 0.75 * a + 0.25 * b;
    for (const key of ['pWait', 'pAbandon', 'pAnsweredWithinTarget', 'pAbandonWithinTarget', 'asaSec', 'asaAllSec', 'queueLength'] as const) {
      expect(mid[key]).toBeCloseTo(mix(lo[key], hi[key]), 14);
    }
    for (const d of ['excludeShortAbandons', 'offered', 'answered'] as const) expect(mid.serviceLevels[d]).toBeCloseTo(mix(lo.serviceLevels[d], hi.serviceLevels[d]), 14);
    expect(mid.agents).toBe(20.25);
    expect(mid.occupancy).toBeCloseTo((q.lambda * (1 - mid.pAbandon)) / (20.25 * q.mu), 14);
  });

  it('refuses a queue so overloaded and patient that it would hold more than 50 million contacts', () => {
    // (λ − nμ)/θ = (1 − 0.5) × 10⁹ = 5·10⁸ waiting at the peak.
    expect(() => erlangA({ ratePerSec: 1, handleSec: 100, patienceSec: 1e9, agents: 50, targetSec: 20 })).toThrow(
      new InputError('patience: too long for an overloaded queue (the Erlang A queue would exceed 50000000 contacts); use Erlang C'),
    );
  });

  it('accepts a queue peaking at exactly 50 million: the fluid limit, Q ≈ (λ − nμ)/θ, P(abandon) ≈ 1 − nμ/λ, ASA ≈ ln(λ/nμ)/θ', () => {
    // λ = 1/s, nμ = 0.5/s, θ = 1e-8/s: (λ − nμ)/θ = 5·10⁷, the largest peak the solver takes.
    // Garnett, Mandelbaum & Reiman's fluid limit of a heavily overloaded queue: the queue
    // holds the excess over abandonment, and a served contact waits until λe^{−θv} = nμ.
    const r = erlangA({ ratePerSec: 1, handleSec: 100, patienceSec: 1e8, agents: 50, targetSec: 20 });
    expect(r.queueLength / 5e7).toBeCloseTo(1, 6);
    expect(r.pAbandon).toBeCloseTo(0.5, 6);
    expect(r.asaSec / (Math.LN2 * 1e8)).toBeCloseTo(1, 4);
  });

  it.each([
    ['from an empty queue: λ = nμ, so the terms fall only like e^{−k²/2(λ/θ)}', 100, 1e11, '1.00e+12'],
    ['from the peak, 10⁶ waiting, the terms as wide as √(λ/θ) = 10⁶', 1000 / (10 - 1e-5), 1e11, '1.00e+12'],
    // √(λ/θ) = 1.6·10⁵: ~1.5 million terms above the peak of 2·10⁶, as many below it.
    ['counted both ways from the peak: within the cap upwards, past it downwards', 1000 / 9.9992, 2.5e9, '2.50e+10'],
  ])('refuses sums that would need more than 2,000,000 terms %s', (_, handleSec, patienceSec, contacts) => {
    expect(() => erlangA({ ratePerSec: 10, handleSec, patienceSec, agents: 1000, targetSec: 20 })).toThrow(new InputError(
      `patience: too long for this arrival rate: the Erlang A sums would need more than 2,000,000 terms (arrival rate × mean patience = ${contacts} contacts); use Erlang C, or a shorter patience`,
    ));
  });

  it.each([
    ['ratePerSec: must be a finite number ≥ 0 (got -1)', { ratePerSec: -1 }],
    ['handleSec: must be a finite number > 0 (got 0)', { handleSec: 0 }],
    ['patienceSec: must be a finite number > 0 (got 0)', { patienceSec: 0 }],
    ['patienceSec: must be a finite number > 0 (got Infinity)', { patienceSec: Infinity }],
    ['agents: must be a finite number ≥ 0 (got -1)', { agents: -1 }],
    ['targetSec: must be a finite number ≥ 0 (got NaN)', { targetSec: NaN }],
  ])('refuses %s', (message, bad) => {
    const input = { ratePerSec: 0.1, handleSec: 300, patienceSec: 60, agents: 5, targetSec: 20, ...bad };
    expect(() => erlangA(input)).toThrow(new InputError(message));
  });

  it.each([
    ['ratePerSec: must be a finite number ≥ 0 (got -1)', { ratePerSec: -1 }],
    ['handleSec: must be a finite number > 0 (got -3)', { handleSec: -3 }],
    ['agents: must be a finite number ≥ 0 (got NaN)', { agents: NaN }],
    ['targetSec: must be a finite number ≥ 0 (got -1)', { targetSec: -1 }],
  ])('Erlang C refuses %s', (message, bad) => {
    expect(() => erlangC({ ratePerSec: 0.1, handleSec: 300, agents: 5, targetSec: 20, ...bad })).toThrow(new InputError(message));
  });

  it('accepts zero rate, zero agents and T = 0', () => {
    expect(() => erlangA({ ratePerSec: 0, handleSec: 300, patienceSec: 60, agents: 0, targetSec: 0 })).not.toThrow();
    expect(() => erlangC({ ratePerSec: 0, handleSec: 300, agents: 0, targetSec: 0 })).not.toThrow();
  });
});
