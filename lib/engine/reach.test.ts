import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addRanges, cellReach, exposureModel, negativeBinomialPmf, segmentReach } from "./reach";

describe("negativeBinomialPmf", () => {
  it("is the geometric 1/(1+μ) · (μ/(1+μ))^x at k = 1", () => {
    expect(negativeBinomialPmf(1, 1, 0)).toBeCloseTo(1 / 2, 9);
    expect(negativeBinomialPmf(3, 1, 0)).toBeCloseTo(1 / 4, 9);
    expect(negativeBinomialPmf(3, 1, 2)).toBeCloseTo((1 / 4) * (3 / 4) ** 2, 9);
  });
  it("follows Γ(k+x)/(Γ(k)·x!) at k = 2, μ = 2 (u = ½): ¼, ¼, 3/16", () => {
    expect([0, 1, 2].map((x) => negativeBinomialPmf(2, 2, x))).toEqual(
      [0.25, 0.25, 0.1875].map((p) => expect.closeTo(p, 9)),
    );
  });
  it("gives (k/(k+μ))^k for no exposure: close to the Poisson's e^−μ at k = 100", () => {
    expect(negativeBinomialPmf(1, 100, 0)).toBeCloseTo((100 / 101) ** 100, 9);
  });
});

describe("cellReach", () => {
  it("k = 1, cap far away: μ = I ÷ R and P(X = 0) = 1/(1+μ)", () => {
    // E[min(X, 100)] = μ(1 − (μ/(1+μ))^100) = 1 − 2^−100 ≈ 1 at μ = 1
    const c = cellReach(exposureModel(1, 100), 1000, 1000);
    expect(c.mu).toBeCloseTo(1, 9);
    expect(c.reach1).toBeCloseTo(500, 6);
    // P(X ≥ 3) = (½)³
    expect(c.reach3).toBeCloseTo(125, 6);
    expect(c.averageFrequency).toBeCloseTo(2, 9);
    expect(c.frequencyDistribution.slice(0, 3)).toEqual([250, 125, 62.5].map((n) => expect.closeTo(n, 6)));
    expect(c.frequencyDistribution).toHaveLength(100);
  });

  it("a capped case: k = 1, cap 2, I = 750, R = 1000 → μ = 1 (E[min(X, 2)] = ½ + ¼)", () => {
    const c = cellReach(exposureModel(1, 2), 1000, 750);
    expect(c.mu).toBeCloseTo(1, 9);
    expect(c.reach1).toBeCloseTo(500, 6);
    // exactly once: P(X = 1) = ¼; twice (the cap): P(X ≥ 2) = ¼
    expect(c.frequencyDistribution).toEqual([250, 250].map((n) => expect.closeTo(n, 6)));
    expect(c.averageFrequency).toBeCloseTo(1.5, 9);
    // no one can be shown 3 times under a cap of 2
    expect(c.reach3).toBe(0);
  });

  it("the impressions add up: Σ j · people at j = I", () => {
    const c = cellReach(exposureModel(0.4, 10), 12_345, 30_000);
    expect(c.frequencyDistribution.reduce((a, n, j) => a + (j + 1) * n, 0)).toBeCloseTo(30_000, 4);
  });

  it("no impressions reach no one; a full cell (I = R·c) reaches everyone c times", () => {
    const none = cellReach(exposureModel(1, 3), 1000, 0);
    expect(none).toMatchObject({
      mu: 0,
      reach1: 0,
      reach3: 0,
      frequencyDistribution: [0, 0, 0],
      averageFrequency: null,
    });
    const full = cellReach(exposureModel(1, 3), 1000, 3000);
    expect(full).toMatchObject({
      mu: Infinity,
      reach1: 1000,
      reach3: 1000,
      frequencyDistribution: [0, 0, 1000],
      averageFrequency: 3,
    });
  });

  it("a larger shape spreads the same impressions more evenly: more reach 1+", () => {
    const reach = (k: number) => cellReach(exposureModel(k, 10), 1000, 1000).reach1;
    expect(reach(0.5)).toBeLessThan(reach(1));
    expect(reach(1)).toBeLessThan(reach(10));
    // at k = 100 close to Poisson with μ ≈ 1: 1 − e^−1 ≈ 0.632
    expect(reach(100) / 1000).toBeCloseTo(1 - Math.exp(-1), 2);
  });

  it("solves any shape 0.1–100, cap 1–100 and fill: the people × times add up to the impressions", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 100, noNaN: true }),
        fc.integer({ min: 1, max: 100 }),
        fc.double({ min: 1e-6, max: 0.999999, noNaN: true }),
        (k, cap, fill) => {
          const impressions = 1000 * cap * fill;
          const c = cellReach(exposureModel(k, cap), 1000, impressions);
          const shown = c.frequencyDistribution.reduce((a, n, j) => a + (j + 1) * n, 0);
          expect(Math.abs(shown - impressions)).toBeLessThanOrEqual(1e-9 * impressions + 1e-9);
          expect(c.reach1).toBeLessThanOrEqual(1000 + 1e-9);
          expect(c.reach3).toBeLessThanOrEqual(c.reach1 + 1e-9);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("refuses a shape ≤ 0 or a cap below 1", () => {
    expect(() => exposureModel(0, 10)).toThrow(RangeError);
    expect(() => exposureModel(1, 0)).toThrow(RangeError);
  });
});

describe("segmentReach and addRanges", () => {
  const model = exposureModel(1, 100);

  it("lower: the largest month; upper: R̄·(1 − Π P(X = 0)), months independent", () => {
    // two months at μ = 1: P(X = 0) = ½ each → 1000 · (1 − ¼) = 750
    const month = cellReach(model, 1000, 1000);
    const r = segmentReach([month, month]);
    expect(r.reach.lower).toBeCloseTo(500, 6);
    expect(r.reach.upper).toBeCloseTo(750, 6);
    // 3+: lower (½)³ · 1000; upper: two independent geometrics add to NB(k = 2, μ = 2): P(≤ 2) = ¼ + ¼ + 3/16
    expect(r.reach3.lower).toBeCloseTo(125, 6);
    expect(r.reach3.upper).toBeCloseTo(1000 * (1 - 11 / 16), 6);
  });

  it("uses the mean R, and never puts the upper bound below the lower", () => {
    // month 1: R = 1000, μ = 1 (reach 500); month 2: R = 10, nothing shown. R̄ = 505 → 505 · (1 − ½) = 252.5 < 500
    const r = segmentReach([cellReach(model, 1000, 1000), cellReach(model, 10, 0)]);
    expect(r.reach).toEqual({ lower: expect.closeTo(500, 6), upper: expect.closeTo(500, 6) });
    // equal R: 1000 and 1000 → R̄ (1 − ½ · 1) = 500 too; with R 1000 and 3000: 2000 · ½ = 1000 > 500
    expect(segmentReach([cellReach(model, 1000, 1000), cellReach(model, 3000, 0)]).reach.upper).toBeCloseTo(1000, 6);
  });

  it("adds segments' ranges (different segments are different people)", () => {
    const a = { reach: { lower: 1, upper: 2 }, reach3: { lower: 0, upper: 1 } };
    const b = { reach: { lower: 10, upper: 20 }, reach3: { lower: 3, upper: 4 } };
    expect(addRanges([a, b])).toEqual({ reach: { lower: 11, upper: 22 }, reach3: { lower: 3, upper: 5 } });
    expect(addRanges([])).toEqual({ reach: { lower: 0, upper: 0 }, reach3: { lower: 0, upper: 0 } });
  });
});
