import { describe, expect, it } from "vitest";
import {
  describeZ,
  formatDecimal,
  formatInt,
  formatNumber,
  formatSigned,
  formatTick,
  formatUsage,
  formatUsageDiff,
  MINUS,
  Z_BANDS,
} from "./format";
import { formatCell } from "./table";

describe("one minus sign (U+2212) for every negative number", () => {
  it("is U+2212, not the hyphen", () => {
    expect(MINUS).toBe("\u2212");
    expect(MINUS.codePointAt(0)).toBe(0x2212);
  });
  it("formatNumber: thousands separators, fixed decimals, U+2212, no sign on a rounded zero", () => {
    expect(formatNumber(-1234.5, 1)).toBe("\u22121,234.5");
    expect(formatNumber(1234.56, 1)).toBe("1,234.6");
    expect(formatNumber(-0.004, 2)).toBe("0.00");
    expect(formatNumber(-0, 0)).toBe("0");
  });
  it("formatInt, formatDecimal, formatUsage and the table cells use it", () => {
    expect(formatInt(-52000)).toBe("\u221252,000");
    expect(formatDecimal(-0.4213)).toBe("\u22120.42");
    // Indices (|v| < 10) get 3 decimals, counts 1.
    expect(formatUsage(-0.4813)).toBe("\u22120.481");
    expect(formatUsage(158.04)).toBe("158.0");
    expect(formatCell(-0.4213, "decimal")).toBe("\u22120.42");
    expect(formatCell(-0.4813, "usage")).toBe("\u22120.481");
    expect(formatCell(-1.234, "signed")).toBe("\u22121.23");
  });
  it("formatSigned and formatUsageDiff sign both ways and leave zero unsigned", () => {
    expect(formatSigned(1.444)).toBe("+1.44");
    expect(formatSigned(-0.625)).toBe("\u22120.63");
    expect(formatSigned(-0.001)).toBe("0.00");
    expect(formatSigned(null)).toBe("–");
    expect(formatUsageDiff(-12.34)).toBe("\u221212.3");
    expect(formatUsageDiff(0.0004)).toBe("0.000");
  });
  it("never writes the hyphen-minus for any negative value", () => {
    for (const n of [-0.5, -3.25, -12.5, -1e6]) {
      for (const s of [
        formatInt(n),
        formatDecimal(n),
        formatUsage(n),
        formatSigned(n),
        formatUsageDiff(n),
        formatNumber(n, 3),
      ])
        expect(s).not.toContain("-");
    }
  });
});

describe("axis ticks", () => {
  it("write a round tick without trailing zeros, so 3 never reads as '3.000' (three thousand)", () => {
    expect(formatTick(3)).toBe("3");
    expect(formatTick(2.5)).toBe("2.5");
    expect(formatTick(0.125)).toBe("0.125");
    expect(formatTick(1234.5)).toBe("1,234.5");
    expect(formatTick(1200)).toBe("1,200");
    expect(formatTick(-0.25)).toBe("\u22120.25");
    expect(formatTick(-0.0001)).toBe("0");
    expect(formatTick(0)).toBe("0");
  });
});

describe("describeZ and its bands", () => {
  it("puts each boundary in the band its range names", () => {
    expect(describeZ(1.5)).toBe("서울 평균보다 매우 높음");
    expect(describeZ(1.49)).toBe("서울 평균보다 크게 높음");
    expect(describeZ(0.5)).toBe("서울 평균보다 크게 높음");
    expect(describeZ(0.15)).toBe("서울 평균 수준");
    expect(describeZ(0.16)).toBe("서울 평균보다 약간 높음");
    expect(describeZ(-0.15)).toBe("서울 평균 수준");
    expect(describeZ(-0.5)).toBe("서울 평균보다 크게 낮음");
    expect(describeZ(-1.5)).toBe("서울 평균보다 매우 낮음");
    expect(describeZ(null)).toContain("비교 불가");
    expect(Z_BANDS.map((b) => b.range)[3]).toBe("\u22120.15 이상 0.15 이하");
  });
});
