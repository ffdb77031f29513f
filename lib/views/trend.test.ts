import { describe, expect, it } from "vitest";
import { indexAxis, monthAxisLabels, serviceTrendRows, trendChartRows, trendIndex, valueAxis } from "./trend";

describe("trendIndex", () => {
  it("standardizes a series within itself (population SD)", () => {
    // mean 4, deviations −2, 0, +2 → SD √(8/3) ≈ 1.63299
    const z = trendIndex([2, 4, 6]);
    expect(z[0]).toBeCloseTo(-1.224745, 5);
    expect(z[1]).toBeCloseTo(0, 10);
    expect(z[2]).toBeCloseTo(1.224745, 5);
  });
  it("is the same for a negative index as for any other unit (no ratios)", () => {
    // −0.04, −0.12, −0.08: mean −0.08, SD √(0.0032/3) ≈ 0.0326599
    const z = trendIndex([-0.04, -0.12, -0.08]);
    expect(z[0]).toBeCloseTo(1.224745, 5);
    expect(z[1]).toBeCloseTo(-1.224745, 5);
    expect(z[2]).toBeCloseTo(0, 10);
  });
  it("is null for a constant series and empty for no months", () => {
    expect(trendIndex([5, 5, 5])).toEqual([null, null, null]);
    expect(trendIndex([])).toEqual([]);
  });
});

describe("trendChartRows", () => {
  it("gives one row per month with the index and the raw value of each service", () => {
    const rows = trendChartRows({
      months: ["2023-01", "2023-02"],
      series: [
        { service: "game", values: [10, 20] },
        { service: "netflix", values: [-0.1, -0.1] },
      ],
    });
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      month: "2023-01",
      label: "1월",
      game: -1,
      netflix: null,
      raw: { game: 10, netflix: -0.1 },
    });
    expect(rows[1]).toMatchObject({ month: "2023-02", label: "2월", game: 1, raw: { game: 20 } });
  });
  it("labels months with the year when the data spans years", () => {
    expect(monthAxisLabels(["2023-12", "2024-01"])).toEqual(["23년 12월", "24년 1월"]);
  });
});

describe("indexAxis", () => {
  it("is symmetric around 0 with whole-number ticks", () => {
    const rows = trendChartRows({ months: ["a", "b", "c"], series: [{ service: "game", values: [2, 4, 6] }] });
    // |index| = 1.2247 → ±2
    expect(indexAxis(rows, ["game"])).toEqual({ domain: [-2, 2], ticks: [-2, -1, 0, 1, 2] });
  });
  it("is at least ±1, and ignores services with no index", () => {
    const rows = trendChartRows({ months: ["a", "b"], series: [{ service: "game", values: [1, 1] }] });
    expect(indexAxis(rows, ["game", "netflix"])).toEqual({ domain: [-1, 1], ticks: [-1, 0, 1] });
  });
});

describe("serviceTrendRows / valueAxis", () => {
  it("pairs the segment's values with Seoul's per month", () => {
    expect(serviceTrendRows(["2023-01", "2023-02"], [40, 44], [38.5, 39])).toEqual([
      { month: "2023-01", label: "1월", segment: 40, seoul: 38.5 },
      { month: "2023-02", label: "2월", segment: 44, seoul: 39 },
    ]);
  });
  it("spans both lines with round ticks, not forced to 0", () => {
    const rows = serviceTrendRows(["2023-01", "2023-02"], [40, 44], [38.5, 39]);
    // 38.5…44 → nice step 1 over 5 ticks: 38…44
    expect(valueAxis(rows)).toEqual({ domain: [38, 44], ticks: [38, 39, 40, 41, 42, 43, 44] });
  });
  it("works for negative indices and flat series", () => {
    const neg = serviceTrendRows(["a", "b"], [-0.21, -0.18], [-0.05, -0.06]);
    // −0.21…−0.05: step 0.05 → −0.25…−0.05 (an index axis may lie wholly below 0)
    expect(valueAxis(neg).domain).toEqual([-0.25, -0.05]);
    const flat = serviceTrendRows(["a", "b"], [5, 5], [5, 5]);
    expect(valueAxis(flat).domain[0]).toBeLessThan(5);
    expect(valueAxis(flat).domain[1]).toBeGreaterThan(5);
  });
});
