import { lgamma } from "mathjs/number";

/*
 * Reach and frequency of one plan cell (segment × month). Exposures per reachable person X follow a
 * negative binomial (gamma–Poisson) with mean μ and shape k:
 *   P(X = x) = Γ(k + x) ÷ (Γ(k)·x!) · (k/(k+μ))^k · (μ/(k+μ))^x,
 * and the frequency cap c truncates: a person receives min(X, c). Given the cell's impressions I and
 * reachable people R, μ solves R·E[min(X, c)] = I. k = 1 is the geometric (exposures very uneven);
 * a large k approaches the Poisson (impressions spread evenly at random).
 *
 * Written with u = μ/(k+μ): P(X = x) = coef(x) · (1−u)^k · u^x. The solver works on w = −ln(1−u) =
 * ln(1 + μ/k) ∈ [0, ∞), so (1−u)^k = e^(−k·w) keeps its precision when u is within 1e−16 of 1 (a small k
 * and a nearly full cell); E[min(X, c)] rises with w. coef(x) = Γ(k+x) ÷ (Γ(k)·x!) depends only on k,
 * so it is computed once per plan (mathjs's lgamma), not once per step.
 */

/** One plan's exposure distribution family: the shape k and the cap c. */
export interface ExposureModel {
  shape: number;
  cap: number;
  /** Γ(k+x) ÷ (Γ(k)·x!) for x = 0 … c−1. */
  coef: Float64Array;
}

export function exposureModel(shape: number, cap: number): ExposureModel {
  if (!(shape > 0) || !Number.isFinite(shape)) throw new RangeError(`shape must be a finite number > 0, got ${shape}`);
  if (!Number.isInteger(cap) || cap < 1) throw new RangeError(`cap must be a whole number ≥ 1, got ${cap}`);
  const lk = lgamma(shape);
  const coef = Float64Array.from({ length: cap }, (_, x) =>
    x === 0 ? 1 : Math.exp(lgamma(shape + x) - lk - lgamma(x + 1)),
  );
  return { shape, cap, coef };
}

/**
 * E[min(X, c)] = Σ_{n=1…c} P(X ≥ n) at w, without allocating: the solver calls it a dozen times per
 * cell, for up to 450 cells × 7 budgets of the reach curve.
 */
function cappedMeanAt(model: ExposureModel, w: number): number {
  if (w <= 0) return 0;
  const base = Math.exp(-model.shape * w);
  const u = -Math.expm1(-w);
  let power = 1;
  let below = 0;
  let mean = 0;
  for (let x = 0; x < model.cap; x++) {
    below += model.coef[x]! * base * power;
    mean += Math.max(0, 1 - below);
    power *= u;
  }
  return mean;
}

/** P(min(X, c) = j) for j = 0 … c at w (Infinity: everyone at the cap). */
function cappedPmf(model: ExposureModel, w: number): number[] {
  if (w <= 0) return [1, ...new Array<number>(model.cap).fill(0)];
  if (w === Infinity) return [...new Array<number>(model.cap).fill(0), 1];
  const base = Math.exp(-model.shape * w);
  const u = -Math.expm1(-w);
  const pmf: number[] = [];
  let power = 1;
  for (let x = 0; x < model.cap; x++) {
    pmf.push(model.coef[x]! * base * power);
    power *= u;
  }
  pmf.push(Math.max(0, 1 - pmf.reduce((a, b) => a + b, 0)));
  return pmf;
}

/** P(X = x) of the uncapped negative binomial with mean μ and shape k (for checks; lgamma each call). */
export function negativeBinomialPmf(mu: number, shape: number, x: number): number {
  if (mu === 0) return x === 0 ? 1 : 0;
  const u = mu / (shape + mu);
  return Math.exp(lgamma(shape + x) - lgamma(shape) - lgamma(x + 1) + shape * Math.log1p(-u) + x * Math.log(u));
}

export interface CellReach {
  /** Reachable people R. */
  reachable: number;
  /** The solved mean exposures per reachable person before the cap (Infinity when the cell is full). */
  mu: number;
  /** People reached at least once: R·P(X ≥ 1). */
  reach1: number;
  /** People reached at least 3 times: R·P(X ≥ 3), 0 when the cap is below 3. */
  reach3: number;
  /** People reached exactly 1, 2, … c times (c meaning c or more before the cap): R·P(min(X, c) = j). */
  frequencyDistribution: number[];
  /** Impressions ÷ reach 1+; null when no one is reached. */
  averageFrequency: number | null;
  /** P(min(X, c) = j) for j = 0 … c, for combining months. */
  pmf: number[];
}

/** A cell's distribution from its pmf over 0 … c. */
function fromPmf(reachable: number, impressions: number, mu: number, pmf: number[]): CellReach {
  const atLeast = (n: number) => (n > pmf.length - 1 ? 0 : pmf.slice(n).reduce((a, b) => a + b, 0));
  const reach1 = reachable * (1 - pmf[0]!);
  return {
    reachable,
    mu,
    reach1,
    reach3: reachable * atLeast(3),
    frequencyDistribution: pmf.slice(1).map((p) => reachable * p),
    averageFrequency: reach1 > 0 ? impressions / reach1 : null,
    pmf,
  };
}

/**
 * A cell's reach: μ solving R·E[min(X, c)] = I on w = ln(1 + μ/k), where E rises from 0 to c, by
 * regula falsi with the Illinois step (bracketed, so it cannot diverge; ~10 steps where bisection
 * takes ~50). I = 0 (or R = 0) reaches no one; I = R·c (a full cell) needs μ → ∞: everyone gets c.
 */
export function cellReach(model: ExposureModel, reachable: number, impressions: number): CellReach {
  if (!(reachable >= 0) || !(impressions >= 0))
    throw new RangeError(`reachable and impressions must be ≥ 0, got ${reachable}, ${impressions}`);
  const target = reachable > 0 ? impressions / reachable : 0;
  if (target <= 0) return fromPmf(reachable, impressions, 0, cappedPmf(model, 0));
  // Water-filling gives a full cell exactly R·c (allowing its rounding): μ → ∞.
  const w = target >= model.cap * (1 - 1e-12) ? Infinity : solveW(model, target);
  return fromPmf(reachable, impressions, model.shape * Math.expm1(w), cappedPmf(model, w));
}

/** The w > 0 with E[min(X, c)] = target, for 0 < target < c; Infinity when no finite w reaches it. */
function solveW(model: ExposureModel, target: number): number {
  let lo = 0;
  let gLo = -target;
  let hi = 1;
  let gHi = cappedMeanAt(model, hi) - target;
  while (gHi < 0) {
    lo = hi;
    gLo = gHi;
    hi *= 2;
    if (hi > 1e6) return Infinity;
    gHi = cappedMeanAt(model, hi) - target;
  }
  let side = 0;
  for (let step = 0; step < 200; step++) {
    const w = (lo * gHi - hi * gLo) / (gHi - gLo);
    const g = cappedMeanAt(model, w) - target;
    if (Math.abs(g) <= 1e-12 * target || hi - lo <= 1e-15 * hi) return w;
    if (g < 0) {
      lo = w;
      gLo = g;
      // Illinois: the end that stayed put twice is halved, so the bracket closes from both sides.
      if (side === -1) gHi /= 2;
      side = -1;
    } else {
      hi = w;
      gHi = g;
      if (side === 1) gLo /= 2;
      side = 1;
    }
  }
  return (lo + hi) / 2;
}

/** A range: a model's honest answer when it cannot know which of two cases holds. */
export interface Range {
  lower: number;
  upper: number;
}

export interface ReachRange {
  /** People reached at least once over the months. */
  reach: Range;
  /** People reached at least 3 times over the months. */
  reach3: Range;
}

/**
 * A segment's reach over its months. Lower bound: the same people every month (the largest monthly
 * reach). Upper bound: months independent, R̄·P(Σ_m min(X_m, c) ≥ n) with R̄ the mean monthly R — for
 * 1+ that is R̄·(1 − Π_m P_m(X = 0)). When R differs between months the independent figure can fall
 * below a big month's own reach; the upper bound is then that month's (it cannot be less than the lower).
 */
export function segmentReach(cells: readonly CellReach[]): ReachRange {
  if (cells.length === 0) return { reach: { lower: 0, upper: 0 }, reach3: { lower: 0, upper: 0 } };
  const meanR = cells.reduce((a, c) => a + c.reachable, 0) / cells.length;
  // P(Σ = 0), P(Σ = 1), P(Σ = 2) under independence: all that 1+ and 3+ need.
  let low = [1, 0, 0];
  for (const c of cells) {
    const q = [c.pmf[0]!, c.pmf[1] ?? 0, c.pmf[2] ?? 0];
    low = [low[0]! * q[0]!, low[0]! * q[1]! + low[1]! * q[0]!, low[0]! * q[2]! + low[1]! * q[1]! + low[2]! * q[0]!];
  }
  const lower1 = Math.max(...cells.map((c) => c.reach1));
  const lower3 = Math.max(...cells.map((c) => c.reach3));
  const upper1 = meanR * (1 - low[0]!);
  const upper3 = meanR * Math.max(0, 1 - low[0]! - low[1]! - low[2]!);
  return {
    reach: { lower: lower1, upper: Math.max(lower1, upper1) },
    reach3: { lower: lower3, upper: Math.max(lower3, upper3) },
  };
}

/** Different segments are different people: their ranges add. */
export function addRanges(ranges: readonly ReachRange[]): ReachRange {
  const add = (pick: (r: ReachRange) => Range): Range => ({
    lower: ranges.reduce((a, r) => a + pick(r).lower, 0),
    upper: ranges.reduce((a, r) => a + pick(r).upper, 0),
  });
  return { reach: add((r) => r.reach), reach3: add((r) => r.reach3) };
}
