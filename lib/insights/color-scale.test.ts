import { describe, expect, it } from "vitest";
import {
  classIndex,
  colorFor,
  contrastRatio,
  correlationColor,
  correlationLegend,
  DARK_TEXT,
  divergingColors,
  divergingScale,
  niceStepAtLeast,
  LIGHT_TEXT,
  niceBreaks,
  NO_DATA_COLOR,
  R_NULL_COLOR,
  roundR,
  sequentialColors,
  sequentialScale,
  textColorOn,
} from "./color-scale";

describe("colour helpers", () => {
  it("runs the diverging scheme blue (low) → red (high), no neutral class", () => {
    expect(divergingColors(4)).toEqual([
      "#4575b4",
      "#74add1",
      "#abd9e9",
      "#e0f3f8",
      "#fee090",
      "#fdae61",
      "#f46d43",
      "#d73027",
    ]);
    expect(divergingColors(1)).toEqual(["#abd9e9", "#fdae61"]);
  });
  it("runs viridis from light (low) to dark (high)", () => {
    expect(sequentialColors(2)).toEqual(["#fde725", "#440154"]);
    expect(sequentialColors(3)[1]).toBe("#21918c");
    expect(sequentialColors(1)).toEqual(["#21918c"]);
  });
  it("computes WCAG contrast and picks the readable text colour", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#777777", "#777777")).toBe(1);
    // #e08214: luminance ≈ 0.319 → 2.85:1 with white, 5.8:1 with the dark text.
    expect(textColorOn("#e08214")).toBe(DARK_TEXT);
    // #b35806: luminance ≈ 0.166 → 4.9:1 with white, 3.4:1 with the dark text.
    expect(textColorOn("#b35806")).toBe(LIGHT_TEXT);
    expect(textColorOn("#2166ac")).toBe(LIGHT_TEXT);
    expect(textColorOn("#fee0b6")).toBe(DARK_TEXT);
  });
});

describe("nice equal-interval classes", () => {
  it("chooses round steps near the target class count", () => {
    expect(niceBreaks([0, 3, 10])).toEqual({ breaks: [0, 2, 4, 6, 8, 10], digits: 0 });
    // Average ages 44.99…48.59: step 1 gives exactly 5 classes (0.5 would give 9, 2 would give 3).
    expect(niceBreaks([44.99, 46.4, 48.59])).toEqual({ breaks: [44, 45, 46, 47, 48, 49], digits: 0 });
    // Populations 4,853…18,314: 5000 → 4 classes beats 2500 → 7 classes.
    expect(niceBreaks([4853, 12000, 18314])).toEqual({ breaks: [0, 5000, 10000, 15000, 20000], digits: 0 });
    // 0.1…1.2: step 0.25 gives 5 classes (0.2 would give 6), printed with 2 decimals.
    expect(niceBreaks([0.1, 0.35, 1.2])).toEqual({ breaks: [0, 0.25, 0.5, 0.75, 1, 1.25], digits: 2 });
  });
  it("handles missing and constant values", () => {
    expect(niceBreaks([])).toEqual({ breaks: [], digits: 0 });
    expect(niceBreaks([null, NaN])).toEqual({ breaks: [], digits: 0 });
    expect(niceBreaks([7, 7, null])).toEqual({ breaks: [7, 7], digits: 0 });
  });
  it("puts each value in its class, the top edge in the last class", () => {
    const s = sequentialScale([0, 3, 10]);
    expect(s.classes).toHaveLength(5);
    expect(s.classes[0]).toEqual({ from: 0, to: 2, color: "#fde725" });
    expect(s.classes[4]!.color).toBe("#440154");
    expect(classIndex(s, 0)).toBe(0);
    expect(classIndex(s, 1.99)).toBe(0);
    expect(classIndex(s, 2)).toBe(1);
    expect(classIndex(s, 10)).toBe(4);
    expect(classIndex(s, null)).toBeNull();
    expect(colorFor(s, null)).toBe(NO_DATA_COLOR);
    expect(colorFor(s, 9)).toBe("#440154");
    const one = sequentialScale([5, 5]);
    expect(one.classes).toHaveLength(1);
    expect(classIndex(one, 5)).toBe(0);
  });
});

describe("diverging r scale", () => {
  it("classes |r| symmetrically on the printed (rounded) value", () => {
    expect(roundR(-0.001)).toBe(0);
    expect(Object.is(roundR(-0.001), -0)).toBe(false);
    expect(correlationColor(0.97)).toEqual({ fill: "#d73027", text: LIGHT_TEXT });
    expect(correlationColor(-0.75).fill).toBe("#4575b4");
    expect(correlationColor(-0.749).fill).toBe("#4575b4"); // printed −0.75
    expect(correlationColor(0.2499).fill).toBe("#fdae61"); // printed +0.25
    expect(correlationColor(0.24).fill).toBe("#fee090");
    expect(correlationColor(-0.1).fill).toBe("#e0f3f8");
    expect(correlationColor(0).fill).toBe("#fee090");
    expect(correlationColor(null)).toEqual({ fill: R_NULL_COLOR, text: DARK_TEXT });
  });
  it("keeps printed r readable on every class (contrast ≥ 4.5)", () => {
    for (const r of [-1, -0.6, -0.3, -0.1, 0.1, 0.3, 0.6, 1, -0.8, 0.8]) {
      const { fill, text } = correlationColor(r);
      expect(contrastRatio(fill, text)).toBeGreaterThanOrEqual(4.5);
    }
  });
  it("has a legend from −1 to +1", () => {
    const legend = correlationLegend();
    expect(legend).toHaveLength(8);
    expect(legend[0]).toEqual({ label: "−1 ~ −0.75", color: "#4575b4" });
    expect(legend[3]).toEqual({ label: "−0.25 ~ 0", color: "#e0f3f8" });
    expect(legend[4]).toEqual({ label: "0 ~ 0.25", color: "#fee090" });
    expect(legend[7]).toEqual({ label: "0.75 ~ 1", color: "#d73027" });
  });
});

describe("diverging classes about a meaningful centre", () => {
  it("picks the smallest round step covering a gap", () => {
    expect(niceStepAtLeast(0.3)).toBe(0.5);
    expect(niceStepAtLeast(0.5)).toBe(0.5);
    expect(niceStepAtLeast(3.1)).toBe(5);
    expect(niceStepAtLeast(2.2)).toBe(2.5);
    expect(niceStepAtLeast(12)).toBe(20);
  });
  it("centres z on 0 with equal steps each side", () => {
    // Farthest from 0 is 1.9 → 1.9 / 4 = 0.475 → step 0.5 → 4 steps each side, −2 … +2.
    const s = divergingScale([-1.2, 0.3, 1.9, null], 0);
    expect(s.breaks).toEqual([-2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2]);
    expect(s.digits).toBe(1);
    expect(classIndex(s, -1.2)).toBe(1);
    expect(colorFor(s, -1.2)).toBe("#74add1");
    expect(classIndex(s, 0)).toBe(4);
    expect(colorFor(s, 1.9)).toBe("#d73027");
  });
  it("centres an index on 100 and uses fewer classes when the spread is small", () => {
    // Farthest from 100 is 7 (93) → 7 / 4 = 1.75 → step 2 → 4 steps, 92 … 108.
    expect(divergingScale([93, 104, 100], 100).breaks).toEqual([92, 94, 96, 98, 100, 102, 104, 106, 108]);
    // One step each side when every value is within it.
    const tight = divergingScale([100, 100], 100);
    expect(tight.breaks).toEqual([99, 100, 101]);
    expect(tight.classes.map((c) => c.color)).toEqual(["#abd9e9", "#fdae61"]);
    expect(divergingScale([null], 0).classes).toEqual([]);
  });
});
