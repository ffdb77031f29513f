import { describe, expect, it } from "vitest";
import { formatKoreanUnits } from "./format";

describe("formatKoreanUnits", () => {
  it("keeps counts under 10,000 exact with thousands separators", () => {
    expect(formatKoreanUnits(0)).toBe("0");
    expect(formatKoreanUnits(9_876)).toBe("9,876");
    expect(formatKoreanUnits(9_999.4)).toBe("9,999");
  });
  it("writes 만 with one decimal under 100만 and none above", () => {
    expect(formatKoreanUnits(9_999.6)).toBe("1만");
    expect(formatKoreanUnits(123_456)).toBe("12.3만");
    expect(formatKoreanUnits(150_000)).toBe("15만");
    expect(formatKoreanUnits(1_234_567)).toBe("123만");
    expect(formatKoreanUnits(98_765_432)).toBe("9,877만");
  });
  it("writes 억 with up to two decimals, and carries 9,999.6만 over to 1억", () => {
    expect(formatKoreanUnits(99_996_000)).toBe("1억");
    expect(formatKoreanUnits(150_000_000)).toBe("1.5억");
    expect(formatKoreanUnits(1_234_567_890)).toBe("12.35억");
    expect(formatKoreanUnits(12_345_678_901)).toBe("123억");
  });
  it("uses one minus sign (U+2212) for negatives", () => {
    expect(formatKoreanUnits(-123_456)).toBe("\u221212.3만");
    expect(formatKoreanUnits(-0.2)).toBe("0");
  });
});
