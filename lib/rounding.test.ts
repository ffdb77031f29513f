import { describe, expect, it } from "vitest";
import { largestRemainder } from "./rounding";

describe("largestRemainder", () => {
  it("rounds to integers that add up to the rounded total", () => {
    // 33.4 + 33.3 + 33.3 = 100: floors 33, 33, 33; the missing 1 goes to the largest remainder (0.4)
    expect(largestRemainder([33.4, 33.3, 33.3])).toEqual([34, 33, 33]);
    // three thirds of 100: each rounds to 33 (99) — largest remainder gives the first the missing unit
    expect(largestRemainder([100 / 3, 100 / 3, 100 / 3])).toEqual([34, 33, 33]);
    // 7581943.679809049원, as the issue saw it, with its partner adding up to 10,000,000
    expect(largestRemainder([7_581_943.679809049, 2_418_056.320190951])).toEqual([7_581_944, 2_418_056]);
  });
  it("takes a given total, keeps integers, and refuses a total it cannot reach", () => {
    expect(largestRemainder([0.5, 0.5, 0.5, 0.5], 2)).toEqual([1, 1, 0, 0]);
    expect(largestRemainder([1, 2, 3])).toEqual([1, 2, 3]);
    expect(largestRemainder([])).toEqual([]);
    expect(() => largestRemainder([0.5], 3)).toThrow(RangeError);
    expect(() => largestRemainder([-1])).toThrow(RangeError);
  });
});
