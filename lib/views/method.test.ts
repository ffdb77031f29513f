import { describe, expect, it } from "vitest";
import { criticalR, monthsCovered, tCentralProbability } from "./method";

describe("tCentralProbability", () => {
  it("matches Student's t tables (two-sided 95% quantiles) for odd and even ν", () => {
    // Table values: ν = 1: 12.706, 2: 4.303, 7: 2.365, 10: 2.228.
    expect(tCentralProbability(12.706, 1)).toBeCloseTo(0.95, 4);
    expect(tCentralProbability(4.303, 2)).toBeCloseTo(0.95, 4);
    expect(tCentralProbability(2.365, 7)).toBeCloseTo(0.95, 3);
    expect(tCentralProbability(2.228, 10)).toBeCloseTo(0.95, 3);
    expect(tCentralProbability(0, 5)).toBe(0);
  });
  it("refuses non-integer degrees of freedom", () => {
    expect(() => tCentralProbability(1, 2.5)).toThrow(RangeError);
  });
});

describe("criticalR", () => {
  it("gives the textbook critical values of r (α = 0.05, two-sided)", () => {
    // Tables: n = 9 → 0.666, n = 3 → 0.997, n = 12 → 0.576, n = 30 → 0.361.
    expect(criticalR(9)).toBeCloseTo(0.6664, 3);
    expect(criticalR(3)).toBeCloseTo(0.9969, 3);
    expect(criticalR(12)).toBeCloseTo(0.576, 3);
    expect(criticalR(30)).toBeCloseTo(0.361, 3);
  });
  it("needs at least 3 points", () => {
    expect(() => criticalR(2)).toThrow(RangeError);
  });
});

describe("monthsCovered", () => {
  it("names the first and last month and the count", () => {
    expect(monthsCovered(["2023-01", "2023-02", "2023-09"])).toBe("2023년 1월 – 2023년 9월 (3개월)");
    expect(monthsCovered([])).toBe("없음");
  });
});
