import { describe, expect, it } from "vitest";
import { findDistrict } from "@/lib/districts";
import { DongIndex } from "@/lib/dongs";
import * as v from "@/lib/params/values";
import { dongFixture } from "@/test/fixtures/dongs";
import { keepGrain, oneGrain } from "./dong-segments";

const index = new DongIndex(dongFixture.dongs);
const list = (raw: string) => {
  const r = v.compareSegments.parse(raw);
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};

describe("segment ids of either grain", () => {
  it("read a 7-digit first part as a 행정동 and anything else as a district", () => {
    expect(v.anySegment.parse("1101053.F.30")).toEqual({ ok: true, value: { dong: "1101053", sex: "F", age: 30 } });
    expect(v.anySegment.parse("강남구.M.20")).toEqual({
      ok: true,
      value: { district: findDistrict("gangnam-gu"), sex: "M", age: 20 },
    });
    expect(v.anySegment.parse("1101053.T.30")).toEqual({ ok: false, reason: 'sex "T" is not F or M' });
    expect(v.anySegment.parse("110105.F.30").ok).toBe(false);
    expect(v.anySegment.serialize({ dong: "1101053", sex: "F", age: 30 })).toBe("1101053.F.30");
    expect(
      v.anySegment.equals(
        { dong: "1101053", sex: "F", age: 30 },
        { district: findDistrict("jongno-gu")!, sex: "F", age: 30 },
      ),
    ).toBe(false);
  });
  it("refuse a list mixing the grains or naming a 행정동 the dataset lacks, and resolve the rest", () => {
    expect(oneGrain(() => index, list("gangnam-gu.F.20,1101053.F.30"))).toMatchObject({
      ok: false,
      reason: expect.stringContaining("give one grain"),
    });
    expect(oneGrain(() => index, list("1101053.F.30,9999999.F.30"))).toMatchObject({
      ok: false,
      reason: expect.stringContaining("9999999 is not a 행정동"),
    });
    const ok = oneGrain(() => index, list("1101054.M.30,1101053.F.20"));
    expect(ok.ok && ok.value.grain === "dong" && ok.value.segments.map((s) => [s.dong.name_ko, s.sex, s.age])).toEqual([
      ["삼청동", "M", 30],
      ["사직동", "F", 20],
    ]);
    // A district list never asks for the 행정동.
    expect(
      oneGrain(() => {
        throw new Error("not needed");
      }, list("gangnam-gu.F.20,mapo-gu.M.30")),
    ).toMatchObject({ ok: true, value: { grain: "district" } });
  });
  it("keep the items of one grain leniently, saying why each other was left out", () => {
    const r = keepGrain(() => index, list("gangnam-gu.F.20,1101053.F.30,9999999.F.30"), "dong");
    expect(r.dong.map((s) => s.dong.code)).toEqual(["1101053"]);
    expect(r.dropped).toEqual([
      { raw: "gangnam-gu.F.20", reason: "자치구 고객층(행정동 고객층과 섞을 수 없음)" },
      { raw: "9999999.F.30", reason: "이 자료에 없는 행정동" },
    ]);
    expect(keepGrain(() => index, list("gangnam-gu.F.20,1101053.F.30"), "district")).toMatchObject({
      district: [{ district: { slug: "gangnam-gu" } }],
      dong: [],
      dropped: [{ raw: "1101053.F.30" }],
    });
  });
});
