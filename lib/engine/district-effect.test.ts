import { describe, expect, it } from "vitest";
import { DISTRICTS, findDistrict } from "@/lib/districts";
import { fixtureDataset } from "@/test/fixtures/dataset";
import { Engine } from "./engine";

const engine = new Engine(fixtureDataset());
const SQRT52 = Math.sqrt(52);

describe("districtEffect", () => {
  it("compares the 25 districts within one sex × age group (finance F 20대: u = d + 1)", () => {
    const rows = engine.districtEffect("finance", "F", 20);
    expect(rows).toHaveLength(25);
    // mean over the 25 of d + 1 is 13, population SD √52
    expect(rows[0]).toEqual({
      district: expect.objectContaining({ code: "11740" }),
      usage: 25,
      districtZ: expect.closeTo(12 / SQRT52, 12),
      index: expect.closeTo(2500 / 13, 12),
      population: 25,
      rank: 1,
    });
    expect(rows[24]).toMatchObject({ district: { code: "11110" }, usage: 1, population: 1, rank: 25 });
    expect(rows[24]!.districtZ).toBeCloseTo(-12 / SQRT52, 12);
    expect(rows.map((r) => r.rank)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
  });

  it("weights F and M by their mean populations for T (game F 1, M 3)", () => {
    const rows = engine.districtEffect("game", "T", 20);
    // 강동구 20대: P_F = 25 + mean(0, 0.2, 0.4) = 25.2, P_M = 50.2 → (1·25.2 + 3·50.2) / 75.4; unweighted it would be 2.
    const gangdong = rows.find((r) => r.district.code === "11740")!;
    expect(gangdong.usage).toBeCloseTo(175.8 / 75.4, 12);
    expect(gangdong.population).toBe(75); // round(75.4)
    // 종로구 20대: P_F 1.2, P_M 2.2 → 7.8 / 3.4; u = (7x + 0.8)/(3x + 0.4) rises with x = d + 1, so 강동구 first, 종로구 last.
    const jongno = rows.find((r) => r.district.code === "11110")!;
    expect(jongno.usage).toBeCloseTo(7.8 / 3.4, 12);
    expect([rows[0]!.district.code, rows[24]!.district.code]).toEqual(["11740", "11110"]);
    // index is 100 × u ÷ the same mean for every district, so two districts' indices keep their usage ratio.
    expect(gangdong.index! / jongno.index!).toBeCloseTo(175.8 / 75.4 / (7.8 / 3.4), 12);
  });

  it("has no index for index services, and ranks all-equal districts by code", () => {
    const netflix = engine.districtEffect("netflix", "M", 40); // −0.2 everywhere
    expect(netflix.every((r) => r.index === null && r.districtZ === null)).toBe(true);
    expect(netflix.map((r) => r.district.code)).toEqual(DISTRICTS.map((d) => d.code).sort());
  });
});

describe("audience", () => {
  const all = { sort: "z", limit: 300, offset: 0 } as const;

  it("lists all 300 segments by z, ties by district code, sex (F first) and age", () => {
    const a = engine.audience("finance", all);
    expect(a.total).toBe(300);
    expect(a.segments).toHaveLength(300);
    // finance z = (d − 12)/√52: 강동구's 12 segments first, F 20 … F 70, M 20 … M 70
    expect(a.segments.slice(0, 12).map((r) => `${r.segment.district.code}.${r.segment.sex}.${r.segment.age}`)).toEqual(
      ["F", "M"].flatMap((sex) => [20, 30, 40, 50, 60, 70].map((age) => `11740.${sex}.${age}`)),
    );
    expect(a.segments[12]!.segment).toMatchObject({ district: { code: "11710" }, sex: "F", age: 20 });
  });

  it("gives population, usage, z, the district effect and score = round(population × max(z, 0))", () => {
    const row = engine.audience("finance", { ...all, sex: "M", age: 30, district: findDistrict("gangdong-gu") })
      .segments[0]!;
    // P = 2·25 + mean(0, 0.2, 0.4) = 50.2 → 50; z = 12/√52 = 1.6641 → 50 × 1.6641 = 83.2 → 83
    expect(row).toEqual({
      segment: { district: expect.objectContaining({ code: "11740" }), sex: "M", age: 30 },
      population: 50,
      usage: 25,
      z: expect.closeTo(12 / SQRT52, 12),
      districtZ: expect.closeTo(12 / SQRT52, 12),
      score: 83,
    });
    // below-average segments score 0
    expect(
      engine.audience("finance", { ...all, district: findDistrict("jongno-gu") }).segments.every((r) => r.score === 0),
    ).toBe(true);
  });

  it("filters (total after filters), sorts by score or population, and pages with offset and limit", () => {
    expect(engine.audience("finance", { ...all, sex: "M", age: 30 }).total).toBe(25);
    const byScore = engine.audience("finance", { ...all, sort: "score", limit: 7 }).segments;
    // 강동구 M (50 people × 1.6641 → 83, six ties by age), then 송파구 M 20대: 48 × 11/√52 = 73.2 → 73
    expect(byScore.map((r) => r.score)).toEqual([83, 83, 83, 83, 83, 83, 73]);
    expect(byScore[6]!.segment).toMatchObject({ district: { code: "11710" }, sex: "M", age: 20 });
    const byPopulation = engine.audience("finance", { ...all, sort: "population", limit: 1 }).segments[0]!;
    expect(byPopulation).toMatchObject({ segment: { district: { code: "11740" }, sex: "M", age: 20 }, population: 50 });
    const page = engine.audience("finance", { ...all, offset: 12, limit: 2 });
    expect(page.total).toBe(300);
    expect(page.segments.map((r) => r.segment.district.code)).toEqual(["11710", "11710"]);
    expect(engine.audience("finance", { ...all, offset: 300 }).segments).toEqual([]);
  });
});
