import { describe, expect, it } from "vitest";
import { f, tinyPanel } from "@/test/fixtures/tiny-dong-panel";
import { dongAudienceRows, sortDongAudience } from "./dong-audience";
import { windowMeans } from "./dong-panel";
import { DongPriorities } from "./dong-priority";

/**
 * The 행정동 grain of /audience on a tiny panel, every figure worked out by hand: 행정동 A, B (종로구) and
 * C (중구), 20대 only, segments A-F, A-M, B-F, B-M, C-F, C-M; two months of game.
 */
const panel = tinyPanel({
  population: [f(100, 300, 200, 200, 100, 100), f(100, 300, 300, 200, 100, 100)],
  measures: new Map([
    ["game", { kind: "count" as const, months: [f(10, 20, 30, 30, 20, 20), f(30, 20, 30, 50, 20, 40)] }],
  ]),
});
const figures = {
  kind: "count" as const,
  value: windowMeans(panel.measures.get("game")!.months, 6),
  population: windowMeans(panel.population, 6),
};
const rows = dongAudienceRows(panel, new DongPriorities(panel).overallZ("game"), figures);
const at = (code: string, sex: "F" | "M") => rows.find((r) => r.segment.dong.code === code && r.segment.sex === sex)!;

describe("/audience rows at the 행정동 grain", () => {
  it("give each segment its window-mean population and usage", () => {
    // B-F population (200 + 300) ÷ 2 = 250; game means 20, 20, 30, 40, 20, 30.
    expect(rows.map((r) => [r.segment.dong.code, r.segment.sex, r.population, r.usage])).toEqual([
      ["1101053", "F", 100, 20],
      ["1101053", "M", 300, 20],
      ["1101054", "F", 250, 30],
      ["1101054", "M", 200, 40],
      ["1102052", "F", 100, 20],
      ["1102052", "M", 100, 30],
    ]);
  });
  it("standardize usage across all the segments (population SD), as the 행정동 priority does", () => {
    // mean 160/6 = 26.667, population SD √(333.33/6) = 7.45356: A-F −6.667/7.45356, B-M 13.333/7.45356.
    expect(at("1101053", "F").z).toBeCloseTo(-0.894427, 5);
    expect(at("1101054", "M").z).toBeCloseTo(1.788854, 5);
    expect(at("1101054", "F").z).toBeCloseTo(0.447214, 5);
  });
  it("score people by how much they over-use: round(population × max(z, 0))", () => {
    // B-M 200 × 1.788854 = 357.8 → 358; B-F 250 × 0.447214 = 111.8 → 112; C-M 100 × 0.447214 = 44.7 → 45.
    expect(rows.map((r) => r.score)).toEqual([0, 0, 112, 358, 0, 45]);
  });
  it("give the 행정동 effect within the segment's district and sex × age group", () => {
    // 종로구 F: A 20, B 30 → mean 25, SD 5: A z −1 index 80, B z +1 index 120. M: A 20, B 40 → mean 30, SD 10.
    expect([
      at("1101053", "F").dongZ,
      at("1101053", "F").index,
      at("1101054", "F").dongZ,
      at("1101054", "F").index,
    ]).toEqual([-1, 80, 1, 120]);
    expect(at("1101053", "M").index).toBeCloseTo(66.6667, 4);
    expect(at("1101054", "M").dongZ).toBe(1);
    // 중구 has one 행정동: nothing to compare with (z null), its index is its own mean (100).
    expect([at("1102052", "F").dongZ, at("1102052", "F").index]).toEqual([null, 100]);
  });
  it("sort highest first, ties by 행정동 code, sex and age", () => {
    expect(sortDongAudience(rows, "score").map((r) => `${r.segment.dong.code}.${r.segment.sex}`)).toEqual([
      "1101054.M",
      "1101054.F",
      "1102052.M",
      "1101053.F",
      "1101053.M",
      "1102052.F",
    ]);
    // z: B-F and C-M tie at 0.447 (B first by code); A-F, A-M and C-F tie at −0.894.
    expect(sortDongAudience(rows, "z").map((r) => `${r.segment.dong.code}.${r.segment.sex}`)).toEqual([
      "1101054.M",
      "1101054.F",
      "1102052.M",
      "1101053.F",
      "1101053.M",
      "1102052.F",
    ]);
    expect(sortDongAudience(rows, "dongZ")[0]!.segment.dong.code).toBe("1101054");
  });
});
