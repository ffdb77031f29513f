import { describe, expect, it } from "vitest";
import { sameMonthPairs, seasonalMonths, trendOf } from "./time";

const H1 = ["2022-01", "2022-02", "2022-03", "2022-04", "2022-05", "2022-06"];

describe("trendOf", () => {
  it("calls a straight rise a trend: +10 a month from 100 over 6 months → +50 ÷ mean 125 = +40 %, R² 1", () => {
    expect(trendOf(H1, [100, 110, 120, 130, 140, 150])).toEqual({ kind: "up", change: 0.4, r2: 1 });
    expect(trendOf(H1, [150, 140, 130, 120, 110, 100])).toMatchObject({ kind: "down", change: -0.4 });
  });

  it("is flat for a zigzag (R² < 0.5) or a small slope (< 15 %), null for short series or indices", () => {
    expect(trendOf(H1, [100, 130, 100, 130, 100, 130])!.kind).toBe("flat");
    expect(trendOf(H1, [100, 101, 102, 103, 104, 105])!.kind).toBe("flat"); // 5 ÷ 102.5 = 4.9 %
    expect(trendOf(H1.slice(0, 5), [1, 2, 3, 4, 5])).toBeNull();
    expect(trendOf(H1, [-0.5, -0.4, -0.3, -0.2, -0.1, -0.05])).toBeNull();
  });

  it("leaves doubtful months out of the fit", () => {
    const spiked = [100, 110, 160, 130, 140, 150, 160];
    const months = [...H1, "2022-07"];
    const fit = trendOf(months, spiked, new Set(["2022-03"]))!;
    expect(fit.kind).toBe("up");
    expect(fit.r2).toBeCloseTo(1, 12);
    expect(fit.change).toBeCloseTo(60 / (790 / 6), 12); // +10 a month over 6 months ÷ the mean of the six kept (790 ÷ 6)
    expect(trendOf(months, spiked)!.r2).toBeLessThan(0.8);
  });
});

describe("same month, two years", () => {
  it("pairs each calendar month with the next year's and finds a season that holds in both despite a trend", () => {
    const months = ["2022-01", "2022-02", "2022-03", "2023-01", "2023-02", "2023-03"];
    const values = [100, 90, 110, 200, 180, 220];
    const pairs = sameMonthPairs(months, values);
    expect(pairs).toEqual([
      { calendarMonth: 1, first: { month: "2022-01", value: 100 }, second: { month: "2023-01", value: 200 } },
      { calendarMonth: 2, first: { month: "2022-02", value: 90 }, second: { month: "2023-02", value: 180 } },
      { calendarMonth: 3, first: { month: "2022-03", value: 110 }, second: { month: "2023-03", value: 220 } },
    ]);
    expect(seasonalMonths(pairs)).toEqual({ high: 3, low: 2 });
    expect(seasonalMonths(sameMonthPairs(months, [100, 90, 110, 200, 230, 180]))).toEqual({});
    expect(seasonalMonths(pairs.slice(0, 2))).toEqual({});
  });
});
