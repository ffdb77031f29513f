import { describe, expect, it } from "vitest";
import { formatUsage, formatUsageDiff } from "./format";

describe("formatUsageDiff", () => {
  it("signs differences in the service's own unit", () => {
    expect(formatUsageDiff(0.0512)).toBe("+0.051");
    expect(formatUsageDiff(-0.0512)).toBe("−0.051");
    expect(formatUsageDiff(12.34)).toBe("+12.3");
    expect(formatUsageDiff(-1234.5)).toBe("−1,234.5");
  });
  it("leaves a difference that rounds to zero unsigned", () => {
    expect(formatUsageDiff(0.0001)).toBe("0.000");
    expect(formatUsageDiff(-0.0001)).toBe("0.000");
  });
});

describe("formatUsage", () => {
  it("writes negative indices with U+2212 and more decimals below 10", () => {
    expect(formatUsage(-0.0512)).toBe("−0.051");
    expect(formatUsage(-0.0001)).toBe("0.000");
    expect(formatUsage(1234.56)).toBe("1,234.6");
  });
});
