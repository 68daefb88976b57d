/**
 * The standard normal quantile Φ⁻¹(p), by M. J. Wichura, "Algorithm AS 241: The Percentage
 * Points of the Normal Distribution", Applied Statistics 37(3), 1988, pp. 477–484 — the
 * routine PPND16, whose rational approximations have a relative error of about 1e-16.
 *
 * Three regions, each a ratio of two degree-7 polynomials. The coefficients are the paper's,
 * printed there to 20 digits and written here as the doubles those literals round to:
 * - the centre, |p − ½| ≤ 0.425: Φ⁻¹(p) = q·A(r)/B(r) with q = p − ½ and r = 0.425² − q²;
 * - the tails, with r = √(−ln min(p, 1 − p)): C(r − 1.6)/D(r − 1.6) for r ≤ 5 (down to
 *   p ≈ 1.4e-11), E(r − 5)/F(r − 5) beyond, and the sign of q.
 * Working on min(p, 1 − p) keeps the full relative accuracy in the lower tail; the upper
 * tail is as accurate as 1 − p is (u ≤ 1 − 2⁻³² from a Stream gives a finite value).
 */

// Centre, |q| ≤ 0.425.
const A0 = 3.3871328727963665, A1 = 133.14166789178438, A2 = 1971.5909503065513;
const A3 = 13731.69376550946, A4 = 45921.95393154987, A5 = 67265.7709270087;
const A6 = 33430.57558358813, A7 = 2509.0809287301227;
const B1 = 42.31333070160091, B2 = 687.1870074920579, B3 = 5394.196021424751;
const B4 = 21213.794301586597, B5 = 39307.89580009271, B6 = 28729.085735721943;
const B7 = 5226.495278852854;

// Intermediate tail, 1.6 ≤ r ≤ 5 (r = √(−ln p)).
const C0 = 1.4234371107496835, C1 = 4.630337846156546, C2 = 5.769497221460691;
const C3 = 3.6478483247632045, C4 = 1.2704582524523684, C5 = 0.2417807251774506;
const C6 = 0.022723844989269184, C7 = 0.0007745450142783414;
const D1 = 2.053191626637759, D2 = 1.6763848301838038, D3 = 0.6897673349851;
const D4 = 0.14810397642748008, D5 = 0.015198666563616457, D6 = 0.0005475938084995345;
const D7 = 1.0507500716444169e-9;

// Far tail, r > 5.
const E0 = 6.657904643501103, E1 = 5.463784911164114, E2 = 1.7848265399172913;
const E3 = 0.29656057182850487, E4 = 0.026532189526576124, E5 = 0.0012426609473880784;
const E6 = 0.000027115555687434876, E7 = 2.0103343992922881e-7;
const F1 = 0.599832206555888, F2 = 0.1369298809227358, F3 = 0.014875361290850615;
const F4 = 0.0007868691311456133, F5 = 0.000018463183175100548, F6 = 1.421511758316446e-7;
const F7 = 2.0442631033899397e-15;

/**
 * Φ⁻¹(p) for p in (0, 1); −Infinity at 0 and +Infinity at 1 (the limits), NaN outside.
 * Allocates nothing.
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) return p === 0 ? -Infinity : p === 1 ? Infinity : NaN;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q * (((((((A7 * r + A6) * r + A5) * r + A4) * r + A3) * r + A2) * r + A1) * r + A0)) /
      (((((((B7 * r + B6) * r + B5) * r + B4) * r + B3) * r + B2) * r + B1) * r + 1)
    );
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let z: number;
  if (r <= 5) {
    r -= 1.6;
    z =
      (((((((C7 * r + C6) * r + C5) * r + C4) * r + C3) * r + C2) * r + C1) * r + C0) /
      (((((((D7 * r + D6) * r + D5) * r + D4) * r + D3) * r + D2) * r + D1) * r + 1);
  } else {
    r -= 5;
    z =
      (((((((E7 * r + E6) * r + E5) * r + E4) * r + E3) * r + E2) * r + E1) * r + E0) /
      (((((((F7 * r + F6) * r + F5) * r + F4) * r + F3) * r + F2) * r + F1) * r + 1);
  }
  return q < 0 ? -z : z;
}
