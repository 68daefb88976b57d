// Erlang A checked against independent derivations: a direct numerical solution of a tagged
// arrival's Markov chain (RK4), numerical integration of the Baccelli–Hébuterne virtual-wait
// density, and the conservation identities of the birth–death chain.
import { describe, expect, it } from 'vitest';
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
