/**
 * Trend and season told apart, by stated rules (data/README.md, /method), over a series of monthly
 * values (`values[i]` for `months[i]`, ascending `YYYY-MM`).
 */

export const TREND_RULE = {
  /** The fitted straight line must move by at least this share of the mean over the span… */
  minChange: 0.15,
  /** …and explain at least this share of the variance (R²)… */
  minR2: 0.5,
  /** …over at least this many months. Doubtful months are left out of the fit. */
  minMonths: 6,
} as const;

export interface TrendVerdict {
  kind: "up" | "down" | "flat";
  /** Fitted change from the first to the last month ÷ the mean level. */
  change: number;
  r2: number;
}

const monthIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5)) - 1;

/**
 * A steady rise or fall: least-squares line of value on calendar month (months in `skip` left out);
 * "up"/"down" when its change over the span is ≥ 15 % of the mean and R² ≥ 0.5, else "flat".
 * Null when fewer than 6 months remain or the mean is not positive (an index has no relative change).
 */
export function trendOf(
  months: readonly string[],
  values: readonly number[],
  skip: ReadonlySet<string> = new Set(),
): TrendVerdict | null {
  const xs: number[] = [];
  const ys: number[] = [];
  months.forEach((m, i) => {
    if (!skip.has(m)) {
      xs.push(monthIndex(m));
      ys.push(values[i]!);
    }
  });
  const n = xs.length;
  if (n < TREND_RULE.minMonths) return null;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  if (!(my > 0)) return null;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  }
  const slope = sxy / sxx;
  const r2 = syy === 0 ? 0 : (sxy * sxy) / (sxx * syy);
  const change = (slope * (monthIndex(months.at(-1)!) - monthIndex(months[0]!))) / my;
  const steady = Math.abs(change) >= TREND_RULE.minChange && r2 >= TREND_RULE.minR2;
  return { kind: steady ? (change > 0 ? "up" : "down") : "flat", change, r2 };
}

/** The same calendar month in two years: values[i] of `months[i]`. */
export interface SameMonthPair {
  /** 1–12. */
  calendarMonth: number;
  first: { month: string; value: number };
  second: { month: string; value: number };
}

/** Each calendar month present in two consecutive years of the series (2022-03 with 2023-03, …). */
export function sameMonthPairs(months: readonly string[], values: readonly number[]): SameMonthPair[] {
  const at = new Map(months.map((m, i) => [m, values[i]!]));
  const pairs: SameMonthPair[] = [];
  for (const m of months) {
    const next = `${Number(m.slice(0, 4)) + 1}${m.slice(4)}`;
    if (at.has(next))
      pairs.push({
        calendarMonth: Number(m.slice(5)),
        first: { month: m, value: at.get(m)! },
        second: { month: next, value: at.get(next)! },
      });
  }
  return pairs;
}

/**
 * A season, not a trend: the calendar month that is the highest (or lowest) of its year in every year
 * of the pairs, each year's months compared with that year's mean over the paired calendar months (so
 * a trend between the years does not decide it). Needs at least 3 paired months.
 */
export function seasonalMonths(pairs: readonly SameMonthPair[]): { high?: number; low?: number } {
  if (pairs.length < 3) return {};
  const rel = (pick: (p: SameMonthPair) => number) => {
    const mean = pairs.reduce((t, p) => t + pick(p), 0) / pairs.length;
    return pairs.map((p) => pick(p) / mean);
  };
  const a = rel((p) => p.first.value);
  const b = rel((p) => p.second.value);
  const argmax = (xs: number[]) => xs.indexOf(Math.max(...xs));
  const argmin = (xs: number[]) => xs.indexOf(Math.min(...xs));
  const out: { high?: number; low?: number } = {};
  if (argmax(a) === argmax(b)) out.high = pairs[argmax(a)]!.calendarMonth;
  if (argmin(a) === argmin(b)) out.low = pairs[argmin(a)]!.calendarMonth;
  return out;
}
