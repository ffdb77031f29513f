/**
 * Descriptive statistics the engine needs. Hand-written rather than mathjs at run time: they are a few
 * lines each, mathjs costs ~0.4 s of server start-up, and here "undefined" (a constant series) must be
 * an explicit `null` rather than NaN. The unit tests cross-check every function against mathjs.
 */

export function mean(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError("mean of an empty series");
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Population standard deviation (divides by n, as the published z-scores do). */
export function populationSd(values: readonly number[]): number {
  const m = mean(values);
  let ss = 0;
  for (const v of values) ss += (v - m) * (v - m);
  return Math.sqrt(ss / values.length);
}

function isConstant(values: readonly number[]): boolean {
  return values.every((v) => v === values[0]);
}

/**
 * Standardizes each value against the series: (x − mean) / population SD.
 * A constant series has no spread to standardize against, so every z is null.
 */
export function zScores(values: readonly number[]): (number | null)[] {
  if (isConstant(values)) return values.map(() => null);
  const m = mean(values);
  const sd = populationSd(values);
  return values.map((v) => (v - m) / sd);
}

/** Pearson correlation coefficient; null when either series is constant (r is undefined then). */
export function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  if (xs.length !== ys.length) throw new RangeError(`series lengths differ: ${xs.length} vs ${ys.length}`);
  if (xs.length < 2 || isConstant(xs) || isConstant(ys)) return null;
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < xs.length; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  // Rounding can push |r| a hair past 1 for perfectly collinear series.
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

/**
 * Ranks items by a score, highest first; null scores go last. Ties keep the input order, which is the
 * fixed service order, so the result is deterministic.
 */
export function rankDesc<T>(items: readonly T[], score: (item: T) => number | null): { item: T; rank: number }[] {
  return items
    .map((item, index) => ({ item, index, s: score(item) }))
    .sort((a, b) => {
      if (a.s === null || b.s === null) return a.s === null ? (b.s === null ? a.index - b.index : 1) : -1;
      return b.s - a.s || a.index - b.index;
    })
    .map(({ item }, i) => ({ item, rank: i + 1 }));
}

/**
 * A sort key that treats figures equal to 1e-9 as tied. Values equal in exact arithmetic (two months'
 * z, two districts' z) come out ~1e-15 apart after a mean and an SD, and that noise must not decide
 * an order documented as "ties: earlier month / lower code first". Rounding, unlike comparing with a
 * tolerance, keeps the order transitive. Null (no figure) sorts below every number.
 */
export function tieKey(x: number | null): number {
  return x === null ? -Infinity : Math.round(x * 1e9);
}

/** Comparator for a descending sort of keys that may be −Infinity (no figure): 0 when equal, never NaN. */
export function compareDesc(a: number, b: number): number {
  return a === b ? 0 : a < b ? 1 : -1;
}
