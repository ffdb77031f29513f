import { describe, expect, it } from "vitest";
import { findDistrict } from "@/lib/districts";
import {
  audienceQuery,
  compareQuery,
  districtEffectQuery,
  planQuery,
  seasonalityQuery,
  segmentBasisQuery,
} from "./api";
import { readQuery, writeQuery } from "./query";

/** The issue-13 endpoints' shapes: defaults, problems, and links written with only non-defaults. */
const MONTHS = ["2023-01", "2023-02", "2023-03"];
const gangnam = findDistrict("gangnam-gu")!;
const mapo = findDistrict("mapo-gu")!;

describe("basis", () => {
  it("defaults to month, which a link leaves out", () => {
    expect(readQuery(new URLSearchParams(""), seasonalityQuery)).toMatchObject({
      values: { basis: "month" },
      problems: [],
    });
    expect(writeQuery(seasonalityQuery, { basis: "month" })).toBe("");
    expect(writeQuery(segmentBasisQuery, { district: gangnam, sex: "F", age: 20, basis: "day" })).toBe(
      "?district=gangnam-gu&sex=F&age=20&basis=day",
    );
  });
  it("names a bad basis with the allowed values", () => {
    expect(readQuery(new URLSearchParams("basis=week"), seasonalityQuery).problems).toEqual([
      expect.objectContaining({
        parameter: "basis",
        kind: "invalid",
        raw: "week",
        allowed: expect.objectContaining({ text: "month, day" }),
      }),
    ]);
  });
});

describe("district effect and audience", () => {
  it("needs an age for the district effect; sex defaults to T", () => {
    expect(readQuery(new URLSearchParams("sex=F"), districtEffectQuery).problems).toEqual([
      expect.objectContaining({ parameter: "age", kind: "missing" }),
    ]);
    expect(readQuery(new URLSearchParams("age=30"), districtEffectQuery).values).toEqual({ sex: "T", age: 30 });
  });
  it("reads every audience filter as optional and writes back only what differs from the defaults", () => {
    const all = readQuery(new URLSearchParams(""), audienceQuery);
    expect(all).toMatchObject({
      values: { sex: "T", age: undefined, district: undefined, sort: "z", limit: 300, offset: 0 },
      problems: [],
    });
    const given = readQuery(
      new URLSearchParams("district=11680&age=30대&sort=score&limit=20&offset=40&sex=m"),
      audienceQuery,
    );
    expect(given.values).toEqual({ sex: "M", age: 30, district: gangnam, sort: "score", limit: 20, offset: 40 });
    const link = writeQuery(audienceQuery, given.values);
    expect(link).toBe("?sex=M&age=30&district=gangnam-gu&sort=score&limit=20&offset=40");
    expect(readQuery(new URLSearchParams(link), audienceQuery).values).toEqual(given.values);
    expect(writeQuery(audienceQuery, all.values)).toBe("");
  });
  it("names bad sort and offset values", () => {
    const { problems } = readQuery(new URLSearchParams("sort=usage&offset=300"), audienceQuery);
    expect(problems.map((p) => p.parameter)).toEqual(["sort", "offset"]);
  });
});

describe("compare and plan", () => {
  it("requires 2–4 segments for compare and round-trips them in slug form", () => {
    expect(readQuery(new URLSearchParams(""), compareQuery).problems).toEqual([
      expect.objectContaining({ parameter: "segments", kind: "missing" }),
    ]);
    const r = readQuery(new URLSearchParams("segments=강남구.F.20,11440.m.30"), compareQuery);
    expect(r.values.segments).toEqual([
      { district: gangnam, sex: "F", age: 20 },
      { district: mapo, sex: "M", age: 30 },
    ]);
    expect(writeQuery(compareQuery, r.values)).toBe("?segments=gangnam-gu.F.20%2Cmapo-gu.M.30");
  });
  it("reads a plan with its defaults and writes back only the non-defaults", () => {
    const shape = planQuery(MONTHS);
    expect(planQuery(MONTHS)).toBe(shape); // one shape per month list, so its zod schema is built once
    const r = readQuery(new URLSearchParams("service=배달&budget=50,000,000&cpm=5000&months=2023-03,2023-01"), shape);
    expect(r.problems).toEqual([]);
    expect(r.values).toEqual({
      service: "delivery",
      budget: 50_000_000,
      cpm: 5000,
      cap: 10,
      reachable: 100,
      shape: 1,
      months: ["2023-01", "2023-03"],
      segments: undefined,
    });
    expect(writeQuery(shape, r.values)).toBe("?service=delivery&budget=50000000&cpm=5000&months=2023-01%2C2023-03");
    expect(readQuery(new URLSearchParams(writeQuery(shape, r.values)), shape).values).toEqual(r.values);
  });
  it("names every missing and bad plan parameter", () => {
    const missing = readQuery(new URLSearchParams(""), planQuery(MONTHS)).problems;
    expect(missing.map((p) => [p.parameter, p.kind])).toEqual([
      ["service", "missing"],
      ["budget", "missing"],
      ["cpm", "missing"],
    ]);
    const bad = readQuery(
      new URLSearchParams("service=x&budget=1&cpm=1&cap=0&months=2023-04&segments=x.F.20"),
      planQuery(MONTHS),
    ).problems;
    expect(bad.map((p) => p.parameter)).toEqual(["service", "budget", "cpm", "cap", "months", "segments"]);
  });
});
