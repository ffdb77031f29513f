import { describe, expect, it } from "vitest";
import { daysInMonth, onBasis, unitKind } from "./domain";

describe("daysInMonth", () => {
  it("knows month lengths and Gregorian leap years", () => {
    expect(["2023-01", "2023-02", "2023-04", "2023-09", "2023-12"].map(daysInMonth)).toEqual([31, 28, 30, 30, 31]);
    expect(daysInMonth("2024-02")).toBe(29); // divisible by 4
    expect(daysInMonth("1900-02")).toBe(28); // by 100, not 400
    expect(daysInMonth("2000-02")).toBe(29); // by 400
  });
  it("refuses what is not a YYYY-MM month", () => {
    for (const bad of ["2023-13", "2023-00", "2023-1", "202301", ""])
      expect(() => daysInMonth(bad), bad).toThrow(RangeError);
  });
});

describe("onBasis", () => {
  it("divides count services by the month's days on the day basis only", () => {
    expect(unitKind("game")).toBe("count");
    expect(onBasis(56, "game", "2023-02", "day")).toBe(2);
    expect(onBasis(62, "delivery", "2023-03", "day")).toBe(2);
    expect(onBasis(56, "game", "2023-02", "month")).toBe(56);
  });
  it("leaves index services as they are (a standardized index is not a total)", () => {
    expect(unitKind("youtube")).toBe("index");
    expect(onBasis(-0.3, "youtube", "2023-02", "day")).toBe(-0.3);
    expect(onBasis(-0.3, "netflix", "2023-02", "day")).toBe(-0.3);
  });
});
