import { describe, expect, it } from "vitest";
import { formatKoreanAmount, formatWon } from "./format";

describe("formatKoreanAmount", () => {
  it("says large amounts in 만 and 억, rounded to the 만", () => {
    expect(formatKoreanAmount(50_000_000)).toBe("5,000만");
    expect(formatKoreanAmount(123_456_789)).toBe("1억 2,346만");
    expect(formatKoreanAmount(9_036_295.35)).toBe("904만");
    expect(formatKoreanAmount(100_000_000)).toBe("1억");
    expect(formatKoreanAmount(1_234_567_890)).toBe("12억 3,457만");
    expect(formatKoreanAmount(10_000_000_000)).toBe("100억");
    expect(formatKoreanAmount(100_000)).toBe("10만");
  });
  it("rounding up to the next 억 carries over", () => {
    // 199,996,000 rounds to 20,000만 = 2억, not "1억 10,000만".
    expect(formatKoreanAmount(199_996_000)).toBe("2억");
  });
  it("is exact under 10만, with a real minus sign for negatives", () => {
    expect(formatKoreanAmount(34_567)).toBe("34,567");
    expect(formatKoreanAmount(99_999.4)).toBe("99,999");
    expect(formatKoreanAmount(0)).toBe("0");
    expect(formatKoreanAmount(-0.2)).toBe("0");
    expect(formatKoreanAmount(-50_000_000)).toBe("−5,000만");
    expect(formatKoreanAmount(Number.NaN)).toBe("–");
  });
});

describe("formatKoreanAmount with a unit", () => {
  it("spaces the unit after 만/억 and attaches it to digits", () => {
    expect(formatKoreanAmount(50_000_000, "원")).toBe("5,000만 원");
    expect(formatKoreanAmount(34_567, "원")).toBe("34,567원");
    expect(formatKoreanAmount(10_000_000, "회")).toBe("1,000만 회");
  });
});

describe("formatWon", () => {
  it("writes whole won with separators", () => {
    expect(formatWon(50_000_000)).toBe("50,000,000원");
    expect(formatWon(9_036_295.346)).toBe("9,036,295원");
    expect(formatWon(0.4)).toBe("0원");
    expect(formatWon(-1234.6)).toBe("−1,235원");
  });
});
