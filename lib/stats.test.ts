import * as math from "mathjs";
import { describe, expect, it } from "vitest";
import { compareDesc, mean, pearson, populationSd, rankDesc, tieKey, zScores } from "./stats";

describe("mean and population SD", () => {
  it("match hand computation", () => {
    // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, squared deviations sum to 32, population variance 4.
    const xs = [2, 4, 4, 4, 5, 5, 7, 9];
    expect(mean(xs)).toBe(5);
    expect(populationSd(xs)).toBe(2);
  });
  it("agree with mathjs's uncorrected standard deviation on negative data", () => {
    const xs = [-0.48, 0.27, -0.05, 0.11, -0.3];
    expect(populationSd(xs)).toBeCloseTo(math.std(xs, "uncorrected") as number, 12);
  });
  it("refuse an empty series", () => {
    expect(() => mean([])).toThrow(RangeError);
  });
});

describe("zScores", () => {
  it("standardize with the population SD", () => {
    expect(zScores([1, 3])).toEqual([-1, 1]);
    expect(zScores([2, 4, 4, 4, 5, 5, 7, 9])).toEqual([-1.5, -0.5, -0.5, -0.5, 0, 0, 1, 2]);
  });
  it("are null for a constant series", () => {
    expect(zScores([0.1, 0.1, 0.1])).toEqual([null, null, null]);
  });
});

describe("pearson", () => {
  it("is ±1 for exact linear relations", () => {
    expect(pearson([1, 2, 3], [2, 4, 6])).toBe(1);
    expect(pearson([1, 2, 3], [-0.1, -0.2, -0.3])).toBe(-1);
  });
  it("matches a hand-computed value", () => {
    // x = 1,2,3,4; y = 2,1,4,3: Σdxdy = 3, Σdx² = Σdy² = 5 → r = 0.6
    expect(pearson([1, 2, 3, 4], [2, 1, 4, 3])).toBeCloseTo(0.6, 12);
  });
  it("agrees with mathjs.corr", () => {
    const x = [39.6, 41.1, 45.2, 38.0, 50.3];
    const y = [-0.07, -0.12, -0.02, -0.2, 0.05];
    expect(pearson(x, y)).toBeCloseTo(math.corr(x, y) as number, 12);
  });
  it("is null when either series is constant", () => {
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNull();
    expect(pearson([1, 2, 3], [5, 5, 5])).toBeNull();
  });
  it("rejects series of different lengths", () => {
    expect(() => pearson([1, 2], [1, 2, 3])).toThrow(RangeError);
  });
});

describe("rankDesc", () => {
  it("sorts by score, keeps input order on ties, puts nulls last", () => {
    const ranked = rankDesc(["a", "b", "c", "d", "e"], (x) => ({ a: 1, b: null, c: 3, d: 1, e: null })[x]!);
    expect(ranked).toEqual([
      { item: "c", rank: 1 },
      { item: "a", rank: 2 },
      { item: "d", rank: 3 },
      { item: "b", rank: 4 },
      { item: "e", rank: 5 },
    ]);
  });
});

describe("tieKey and compareDesc", () => {
  it("tie figures equal to 1e-9 (z of equal values after a mean and an SD) and keep real differences", () => {
    expect(tieKey(0.9999999999999988)).toBe(tieKey(0.9999999999999982));
    expect(tieKey(1)).toBeGreaterThan(tieKey(0.999999));
    expect(tieKey(null)).toBe(-Infinity);
  });
  it("sorts descending with nulls last, never NaN between two missing figures", () => {
    const keys = [tieKey(null), tieKey(0.5), tieKey(-2), tieKey(null), tieKey(1.5)];
    expect([...keys].sort(compareDesc)).toEqual([tieKey(1.5), tieKey(0.5), tieKey(-2), -Infinity, -Infinity]);
    expect(compareDesc(-Infinity, -Infinity)).toBe(0);
  });
});
