import { describe, expect, it } from "vitest";
import { zBar } from "./z-bar";

describe("zBar", () => {
  it("draws positive z right of the centre and negative z left of it, capped at the half", () => {
    expect(zBar(1, 2)).toEqual({ side: "pos", left: 50, width: 25 });
    expect(zBar(1.25, 2.5)).toEqual({ side: "pos", left: 50, width: 25 });
    expect(zBar(-2.5, 2.5)).toEqual({ side: "neg", left: 0, width: 50 });
    expect(zBar(-3, 2)).toEqual({ side: "neg", left: 0, width: 50 });
    expect(zBar(-0.5, 2)).toEqual({ side: "neg", left: 37.5, width: 12.5 });
  });
  it("draws nothing for a null or zero z, or a scale without spread", () => {
    expect(zBar(null, 2)).toEqual({ side: "none", left: 50, width: 0 });
    expect(zBar(0, 2)).toEqual({ side: "none", left: 50, width: 0 });
    expect(zBar(1, 0)).toEqual({ side: "none", left: 50, width: 0 });
  });
});
