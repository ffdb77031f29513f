import { describe, expect, it } from "vitest";
import { f, tinyPanel, TINY_DONGS } from "@/test/fixtures/tiny-dong-panel";
import { DongWindow } from "./dong-engine";

/**
 * A plan over 행정동 segments on a tiny panel, worked out by hand: 행정동 A, B (종로구) and C (중구), 20대
 * only, segments A-F, A-M, B-F, B-M, C-F, C-M; game in January and February.
 */
const panel = tinyPanel({
  population: [f(100, 300, 200, 200, 100, 100), f(100, 300, 300, 200, 100, 100)],
  measures: new Map([
    ["game", { kind: "count" as const, months: [f(10, 20, 30, 30, 20, 20), f(30, 20, 30, 50, 20, 40)] }],
  ]),
});
const w = new DongWindow(panel, { from: "2022-01", to: "2022-02" });
const B = TINY_DONGS[1]!;
const request = {
  service: "game" as const,
  budget: 10_000,
  cpm: 10_000,
  cap: 10,
  reachable: 100,
  shape: 1,
  segments: [
    { dong: B, sex: "F" as const, age: 20 as const },
    { dong: B, sex: "M" as const, age: 20 as const },
  ],
};

// Within-month z of game: January 10, 20, 30, 30, 20, 20 (mean 65/3, SD √425/3) → B-F and B-M 25/√425;
// February 30, 20, 30, 50, 20, 40 (mean 95/3, SD √1025/3) → B-F −5/√1025 (under-uses), B-M 55/√1025.
const zJan = 25 / Math.sqrt(425),
  zFebM = 55 / Math.sqrt(1025);
// Weights people × max(z, 0): B-F January 200 zJan, February 0; B-M January 200 zJan, February 200 zFebM.
const weights = [200 * zJan, 0, 200 * zJan, 200 * zFebM];
const total = weights.reduce((a, b) => a + b, 0);

describe("a plan over 행정동 segments", () => {
  const outcome = w.plan(request);
  if (!outcome.ok) throw new Error(outcome.reason);
  const { plan } = outcome;
  const row = (sex: "F" | "M") => plan.segments.find((s) => s.segment.sex === sex)!;
  it("buys budget ÷ CPM × 1,000 impressions and shares them by people × within-month z at the 행정동 grain", () => {
    // 10,000 원 at 10,000 원 per 1,000: 1,000 impressions; no cell reaches its cap (people × 10).
    expect(plan.impressions).toBeCloseTo(1000, 9);
    expect(plan.months).toEqual(["2022-01", "2022-02"]);
    expect(row("F").impressions).toBeCloseTo((1000 * weights[0]!) / total, 9);
    expect(row("M").months.map((m) => m.impressions)).toEqual([
      expect.closeTo((1000 * weights[2]!) / total, 9),
      expect.closeTo((1000 * weights[3]!) / total, 9),
    ]);
    expect(row("F").months.map((m) => m.z)).toEqual([
      expect.closeTo(zJan, 12),
      expect.closeTo(-5 / Math.sqrt(1025), 12),
    ]);
  });
  it("names the 행정동, its district, window-mean population and overall z across the 행정동 segments", () => {
    // Window means 20, 20, 30, 40, 20, 30: B-M (40 − 80/3) ÷ √(500/9) = 1.788854; B-F population (200 + 300) ÷ 2.
    expect(row("M").segment).toMatchObject({
      dong: { code: "1101054" },
      district: { slug: "jongno-gu" },
      sex: "M",
      age: 20,
    });
    expect(row("M").z).toBeCloseTo(1.788854, 5);
    expect(row("F").population).toBe(250);
    // Highest budget first: B-M takes the larger share.
    expect(plan.segments.map((s) => s.segment.sex)).toEqual(["M", "F"]);
  });
  it("plans only the chosen months, and refuses when no chosen cell over-uses", () => {
    const feb = w.plan({ ...request, months: ["2022-02"] });
    expect(feb.ok && feb.plan.segments.map((s) => [s.segment.sex, s.impressions])).toEqual([
      ["M", expect.closeTo(1000, 9)],
      ["F", 0],
    ]);
    expect(w.plan({ ...request, months: ["2022-02"], segments: [request.segments[0]!] })).toMatchObject({
      ok: false,
      parameter: "segments",
    });
    expect(() => w.plan({ ...request, months: ["2023-01"] })).toThrow(RangeError);
  });
  it("draws the reach curve from the same cells", () => {
    const curve = w.planCurve(request);
    expect(curve.ok && curve.points.map((p) => p.multiple)).toEqual([0.25, 0.5, 0.75, 1, 1.5, 2, 3]);
    expect(curve.ok && curve.points[3]!.impressions).toBeCloseTo(1000, 9);
  });
});
