import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DISTRICTS } from "@/lib/districts";
import type { SegmentKey } from "@/lib/domain";
import { readParam, type Codec } from "./codec";
import { optional } from "./param";
import * as v from "./values";

/** parse(serialize(x)) gives x back for every value a codec can produce. */
function roundTrips<T>(codec: Codec<T>, values: readonly T[]) {
  for (const x of values) {
    const r = codec.parse(codec.serialize(x));
    expect(r.ok, codec.serialize(x)).toBe(true);
    if (r.ok) expect(codec.equals(r.value, x)).toBe(true);
  }
}

const gangnam = DISTRICTS.find((d) => d.slug === "gangnam-gu")!;
const mapo = DISTRICTS.find((d) => d.slug === "mapo-gu")!;

describe("district", () => {
  it("reads a code, a slug in any case, a Korean name in NFC or NFD, and writes the slug", () => {
    for (const raw of ["11680", "gangnam-gu", "Gangnam-Gu", "강남구", "강남구".normalize("NFD")]) {
      expect(readParam(optional("district", v.district), [raw]), raw).toEqual({ kind: "valid", value: gangnam });
    }
    expect(v.district.serialize(mapo)).toBe("mapo-gu");
    roundTrips(v.district, DISTRICTS);
  });
  it("refuses anything else, listing the 25 districts", () => {
    const r = readParam(optional("district", v.district), ["nowhere"]);
    expect(r).toMatchObject({ kind: "invalid", raw: "nowhere" });
    if (r.kind === "invalid") expect(r.allowed.values).toHaveLength(25);
  });
  it("is missing when absent or empty", () => {
    expect(readParam(optional("district", v.district), [])).toEqual({ kind: "missing" });
    expect(readParam(optional("district", v.district), ["  "])).toEqual({ kind: "missing" });
  });
});

describe("sex, age, service, basis, metric", () => {
  it("read forgivingly and write one form", () => {
    expect(v.sex.parse("f")).toEqual({ ok: true, value: "F" });
    expect(v.sex.parse("남성")).toEqual({ ok: true, value: "M" });
    expect(v.sex.parse("T").ok).toBe(false);
    expect(v.sexFilter.parse("t")).toEqual({ ok: true, value: "T" });
    expect(v.age.parse("30")).toEqual({ ok: true, value: 30 });
    expect(v.age.parse("30대")).toEqual({ ok: true, value: 30 });
    expect(v.age.parse("25").ok).toBe(false);
    expect(v.age.parse("2x").ok).toBe(false);
    expect(v.service.parse("Delivery")).toEqual({ ok: true, value: "delivery" });
    expect(v.service.parse("배달")).toEqual({ ok: true, value: "delivery" });
    expect(v.service.parse("tv").ok).toBe(false);
    expect(v.basis.parse("DAY")).toEqual({ ok: true, value: "day" });
    expect(v.basis.parse("week").ok).toBe(false);
    expect(v.insightMetric.parse("netflix")).toEqual({ ok: true, value: "netflix" });
    roundTrips(v.sex, ["F", "M"] as const);
    roundTrips(v.age, [20, 30, 40, 50, 60, 70] as const);
    roundTrips(v.insightMetric, v.INSIGHT_METRICS);
  });
});

describe("relatedMethod (/service's related-services toggle)", () => {
  it("reads adjusted and raw in any case, refuses anything else, and is missing when absent", () => {
    expect(readParam(optional("related", v.relatedMethod), ["RAW"])).toEqual({ kind: "valid", value: "raw" });
    expect(readParam(optional("related", v.relatedMethod), ["adjusted"])).toEqual({ kind: "valid", value: "adjusted" });
    const bad = readParam(optional("related", v.relatedMethod), ["pearson"]);
    expect(bad).toMatchObject({ kind: "invalid", raw: "pearson" });
    if (bad.kind === "invalid") expect(bad.allowed.values?.map((a) => a.value)).toEqual(["adjusted", "raw"]);
    expect(readParam(optional("related", v.relatedMethod), [])).toEqual({ kind: "missing" });
    roundTrips(v.relatedMethod, v.RELATED_METHODS);
  });
});

describe("segment ids and lists", () => {
  it("read district.sex.age with any district form and write the slug form", () => {
    expect(v.segment.parse("강남구.f.20")).toEqual({ ok: true, value: { district: gangnam, sex: "F", age: 20 } });
    expect(v.segment.serialize({ district: mapo, sex: "M", age: 30 })).toBe("mapo-gu.M.30");
    expect(v.segment.parse("gangnam-gu.T.20")).toMatchObject({ ok: false, reason: expect.stringContaining("sex") });
    expect(v.segment.parse("gangnam-gu.F")).toMatchObject({ ok: false });
  });
  it("name the bad or repeated item of a list and keep the good ones when read item by item", () => {
    expect(v.compareSegments.parse("gangnam-gu.F.20,mapo-gu.M.30")).toMatchObject({ ok: true });
    expect(v.compareSegments.parse("gangnam-gu.F.20")).toMatchObject({
      ok: false,
      reason: "1 segment ids; give 2 to 4",
    });
    expect(v.compareSegments.parse("gangnam-gu.F.20,11680.F.20")).toMatchObject({
      ok: false,
      reason: 'item "11680.F.20": repeated',
    });
    expect(v.compareSegments.parse("gangnam-gu.F.20,x.F.20,mapo-gu.M.30")).toMatchObject({
      ok: false,
      reason: expect.stringContaining('item "x.F.20"'),
    });
    const read = v.readList(v.segment, "gangnam-gu.F.20,x.F.20,mapo-gu.M.30,gangnam-gu.F.20");
    expect(read.items.map(v.segment.serialize)).toEqual(["gangnam-gu.F.20", "mapo-gu.M.30"]);
    expect(read.bad.map((b) => b.raw)).toEqual(["x.F.20", "gangnam-gu.F.20"]);
  });
  it("round-trip any list of distinct segments", () => {
    const seg = fc.record({
      district: fc.constantFrom(...DISTRICTS),
      sex: fc.constantFrom("F" as const, "M" as const),
      age: fc.constantFrom(20, 30, 40, 50, 60, 70),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(seg, { minLength: 1, maxLength: 50, selector: (s) => v.segment.serialize(s as SegmentKey) }),
        (list) => {
          roundTrips(v.planSegments, [list as SegmentKey[]]);
        },
      ),
    );
  });
});

describe("service sets", () => {
  it("reads a comma list of services in any order and spelling, written back in service order", () => {
    expect(v.serviceSet.parse("netflix,GAME")).toEqual({ ok: true, value: ["game", "netflix"] });
    expect(v.serviceSet.parse("배달")).toEqual({ ok: true, value: ["delivery"] });
    expect(v.serviceSet.serialize(["game", "netflix"])).toBe("game,netflix");
    roundTrips(v.serviceSet, [
      ["game"],
      ["youtube", "netflix", "delivery"],
      ["game", "finance", "shopping", "video", "youtube", "netflix", "delivery"],
    ]);
  });
  it("refuses repeats, unknown services and an empty list", () => {
    expect(v.serviceSet.parse("game,game").ok).toBe(false);
    expect(v.serviceSet.parse("game,tv").ok).toBe(false);
    expect(v.serviceSet.parse(",").ok).toBe(false);
  });
});

describe("money and months", () => {
  it("read whole won within range, with or without thousands separators", () => {
    expect(v.budget.parse("50,000,000")).toEqual({ ok: true, value: 50_000_000 });
    expect(v.budget.parse("9999").ok).toBe(false);
    expect(v.budget.parse("1.5").ok).toBe(false);
    expect(v.budget.parse("1e9").ok).toBe(false);
    expect(v.cpm.parse("5000")).toEqual({ ok: true, value: 5000 });
    expect(v.cap.parse("0").ok).toBe(false);
    expect(v.cap.parse("101").ok).toBe(false);
    fc.assert(fc.property(fc.integer({ min: 10_000, max: 10_000_000_000 }), (n) => roundTrips(v.budget, [n])));
  });
  it("read the dataset's months, distinct, and write them in calendar order", () => {
    const months = v.monthListCodec(["2023-01", "2023-02", "2023-03"]);
    expect(months.parse("2023-03,2023-01")).toEqual({ ok: true, value: ["2023-01", "2023-03"] });
    expect(months.parse("2023-04").ok).toBe(false);
    expect(months.parse("2023-01,2023-01").ok).toBe(false);
    expect(months.serialize(["2023-01", "2023-03"])).toBe("2023-01,2023-03");
  });
});

describe("hostile input", () => {
  it("drops bidi controls before reading and never echoes them", () => {
    expect(readParam(optional("district", v.district), ["\u202Egangnam-gu"])).toEqual({
      kind: "valid",
      value: gangnam,
    });
    const r = readParam(optional("district", v.district), ["evil\u202Etxt.exe"]);
    expect(r.kind === "invalid" && r.raw).toBe("eviltxt.exe");
  });
  it("refuses repeats and over-long values without parsing them", () => {
    expect(readParam(optional("sex", v.sex), ["F", "M"])).toMatchObject({
      kind: "invalid",
      reason: expect.stringContaining("2 times"),
    });
    expect(readParam(optional("sex", v.sex), ["F".repeat(65)])).toMatchObject({
      kind: "invalid",
      reason: expect.stringContaining("too long"),
    });
  });
});

describe("table ids (open table views)", () => {
  it("reads distinct chart ids, writes them sorted, and compares regardless of order", () => {
    expect(v.tableIds.parse("trend,priority")).toEqual({ ok: true, value: ["priority", "trend"] });
    expect(v.tableIds.serialize(["trend", "priority"])).toBe("priority,trend");
    expect(v.tableIds.equals(["a", "b"], ["b", "a"])).toBe(true);
    expect(v.tableIds.equals(["a"], ["a", "b"])).toBe(false);
    roundTrips(v.tableIds, [[], ["map"], ["best-months", "trend", "z2"]]);
  });
  it("refuses ids that are not chart ids, and repeats", () => {
    expect(v.tableIds.parse("Trend").ok).toBe(false);
    expect(v.tableIds.parse("trend,<script>").ok).toBe(false);
    expect(v.tableIds.parse("trend,trend").ok).toBe(false);
    expect(v.tableIds.parse("1st").ok).toBe(false);
  });
  it("is missing when empty, so the default (none open) is never written", () => {
    expect(readParam(optional("table", v.tableIds, []), [""])).toEqual({ kind: "missing" });
  });
});

describe("audienceTableSort", () => {
  it("reads column-direction for every column both ways and writes it back", () => {
    expect(v.AUDIENCE_TABLE_SORTS).toHaveLength(16);
    roundTrips(v.audienceTableSort, v.AUDIENCE_TABLE_SORTS);
    expect(v.audienceTableSort.parse("Population-ASC")).toEqual({ ok: true, value: "population-asc" });
    expect(v.splitSort("effect-desc")).toEqual({ column: "effect", direction: "desc" });
  });
  it("reads a bare column the way a header first sorts it, and the API's names highest first", () => {
    expect(v.audienceTableSort.parse("score")).toEqual({ ok: true, value: "score-desc" });
    expect(v.audienceTableSort.parse("z")).toEqual({ ok: true, value: "z-desc" });
    expect(v.audienceTableSort.parse("district")).toEqual({ ok: true, value: "district-asc" });
  });
  it("refuses unknown columns and directions, listing the 16 sorts in Korean", () => {
    const r = readParam(optional("sort", v.audienceTableSort), ["rank-desc"]);
    expect(r).toMatchObject({ kind: "invalid", raw: "rank-desc" });
    if (r.kind === "invalid") {
      expect(r.allowed.values).toHaveLength(16);
      expect(r.allowed.values).toContainEqual({ value: "population-asc", label: "인구 낮은 순" });
      expect(r.allowed.values).toContainEqual({ value: "district-desc", label: "자치구 역순" });
    }
    expect(v.audienceTableSort.parse("z-up").ok).toBe(false);
    // districtZ is the API's sort; the table's effect column is an index for count services, so not the same order.
    expect(v.audienceTableSort.parse("districtZ").ok).toBe(false);
  });
});

describe("planSegmentsLenient", () => {
  it("keeps the valid ids of a partly bad list, refuses a list with none, writes like planSegments", () => {
    const r = v.planSegmentsLenient.parse("gangnam-gu.F.20,gangnam-gu.F.2O,seocho-gu.F.30");
    expect(r.ok && r.value.map(v.anySegment.serialize)).toEqual(["gangnam-gu.F.20", "seocho-gu.F.30"]);
    expect(v.planSegmentsLenient.parse("x.F.20,y.M.30").ok).toBe(false);
    expect(v.planSegmentsLenient.serialize).toBe(v.planSegments.serialize);
  });
});
