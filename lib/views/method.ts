import { monthLabel } from "@/lib/format";

/**
 * Figures the method page states, computed rather than typed in: how large a correlation over the
 * dataset's months has to be before chance alone is an unlikely explanation, and the months covered.
 */

/**
 * P(|T| ≤ t) for Student's t with ν (a positive integer) degrees of freedom, in closed form
 * (Abramowitz & Stegun 26.7.3–4): with θ = atan(t/√ν), a finite series in sin θ and cos θ.
 */
export function tCentralProbability(t: number, nu: number): number {
  if (!Number.isInteger(nu) || nu < 1) throw new RangeError(`degrees of freedom must be a positive integer, got ${nu}`);
  const theta = Math.atan(Math.abs(t) / Math.sqrt(nu));
  const s = Math.sin(theta);
  const c = Math.cos(theta);
  if (nu % 2 === 1) {
    // odd ν: (2/π)(θ + sinθ·(cosθ + (2/3)cos³θ + (2·4)/(3·5)cos⁵θ + … up to cos^(ν−2)θ))
    let sum = 0;
    let term = c;
    for (let k = 1; k <= nu - 2; k += 2) {
      sum += term;
      term *= (c * c * (k + 1)) / (k + 2);
    }
    return (2 / Math.PI) * (theta + (nu > 1 ? s * sum : 0));
  }
  // even ν: sinθ·(1 + (1/2)cos²θ + (1·3)/(2·4)cos⁴θ + … up to cos^(ν−2)θ)
  let sum = 0;
  let term = 1;
  for (let k = 0; k <= nu - 2; k += 2) {
    sum += term;
    term *= (c * c * (k + 1)) / (k + 2);
  }
  return s * sum;
}

/**
 * The smallest |r| of a Pearson correlation over n points that chance alone would reach with
 * probability below alpha (two-sided), for data without any real relation: r = t / √(t² + n − 2)
 * with t the (1 − alpha) two-sided quantile of Student's t with n − 2 degrees of freedom.
 */
export function criticalR(n: number, alpha = 0.05): number {
  if (!Number.isInteger(n) || n < 3) throw new RangeError(`a correlation needs at least 3 points, got ${n}`);
  const nu = n - 2;
  let lo = 0;
  let hi = 1;
  while (tCentralProbability(hi, nu) < 1 - alpha) hi *= 2;
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (tCentralProbability(mid, nu) < 1 - alpha) lo = mid;
    else hi = mid;
  }
  const t = (lo + hi) / 2;
  return t / Math.sqrt(t * t + nu);
}

/** "2023년 1월 – 2023년 9월 (9개월)", or that there are none. */
export function monthsCovered(months: readonly string[]): string {
  if (months.length === 0) return "없음";
  return `${monthLabel(months[0]!)} – ${monthLabel(months.at(-1)!)} (${months.length}개월)`;
}
