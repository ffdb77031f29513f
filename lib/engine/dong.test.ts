import { describe, expect, it } from "vitest";
import { f, tinyPanel } from "@/test/fixtures/tiny-dong-panel";
import { findDistrict } from "@/lib/districts";
import { dongEffect } from "./dong-effect";
import { finiteZ, windowMeans, type DongPanel } from "./dong-panel";
import { DongPriorities } from "./dong-priority";
import { dongProfiles, lookAlikes } from "./dong-similar";

/**
 * A tiny panel, every figure below worked out by hand: 행정동 A, B (종로구) and C (중구), 20대 only,
 * segments in the order A-F, A-M, B-F, B-M, C-F, C-M; two months. youtube exists in January only,
 * commute_time in February only and not for B.
 */
const panel = tinyPanel({
  population: [f(100, 300, 200, 200, 100, 100), f(100, 300, 200, 200, 100, 100)],
  measures: new Map([
    ["game", { kind: "count" as const, months: [f(10, 20, 30, 30, 20, 20), f(30, 20, 30, 50, 20, 40)] }],
    ["youtube", { kind: "index" as const, months: [f(1, -1, 0, 0, 2, 0), undefined] }],
    ["commute_time", { kind: "amount" as const, months: [undefined, f(5, 5, NaN, NaN, 7, 7)] }],
  ]),
});
const means = (id: string) => windowMeans(panel.measures.get(id)!.months, 6);
const figures = (id: string) => ({
  kind: panel.measures.get(id)!.kind,
  value: means(id),
  population: windowMeans(panel.population, 6),
});

describe("window means and z", () => {
  it("average the months that have the figure", () => {
    expect([...means("game")]).toEqual([20, 20, 30, 40, 20, 30]);
    expect([...means("youtube")]).toEqual([1, -1, 0, 0, 2, 0]);
    expect([...means("commute_time")]).toEqual([5, 5, NaN, NaN, 7, 7]);
  });
  it("standardize over the finite values with the population SD", () => {
    // 4 and 8: mean 6, population SD 2; NaN has no z.
    expect(finiteZ([4, NaN, 8])).toEqual([-1, null, 1]);
    expect(finiteZ([3, 3, NaN])).toEqual([null, null, null]);
  });
});

describe("행정동 effect", () => {
  it("T weights F and M by population; z, index and rank across all 행정동", () => {
    // u: A (20·100 + 20·300)/400 = 20, B (30·200 + 40·200)/400 = 35, C (20·100 + 30·100)/200 = 25.
    // mean 80/3, population SD √(1050/27) = 6.23610.
    const rows = dongEffect(panel, figures("game"), "T", 20, null);
    expect(rows.map((r) => [r.dong.code, r.rank, r.population])).toEqual([
      ["1101054", 1, 400],
      ["1102052", 2, 200],
      ["1101053", 3, 400],
    ]);
    expect(rows.map((r) => r.usage)).toEqual([35, 25, 20]);
    expect(rows[0]!.dongZ).toBeCloseTo(1.336306, 5);
    expect(rows[1]!.dongZ).toBeCloseTo(-0.267261, 5);
    expect(rows[2]!.dongZ).toBeCloseTo(-1.069045, 5);
    expect(rows.map((r) => r.index)).toEqual([131.25, 93.75, 75]);
  });
  it("scope is one district's 행정동", () => {
    // 종로구: A 20, B 35 → mean 27.5, SD 7.5.
    const rows = dongEffect(panel, figures("game"), "T", 20, findDistrict("종로구")!);
    expect(rows.map((r) => [r.dong.code, r.dongZ])).toEqual([
      ["1101054", 1],
      ["1101053", -1],
    ]);
    expect(rows[1]!.index).toBeCloseTo(72.7273, 4);
  });
  it("one sex; ties go to the lower code; no index for an index measure", () => {
    // F: A 20, B 30, C 20 → A and C tie at z −0.7071.
    const rows = dongEffect(panel, figures("game"), "F", 20, null);
    expect(rows.map((r) => r.dong.code)).toEqual(["1101054", "1101053", "1102052"]);
    expect(rows[1]!.dongZ).toBeCloseTo(-0.707107, 5);
    expect(dongEffect(panel, figures("youtube"), "F", 20, null).every((r) => r.index === null)).toBe(true);
  });
  it("leaves out a 행정동 without a figure and a group the panel lacks", () => {
    expect(dongEffect(panel, figures("commute_time"), "F", 20, null).map((r) => r.dong.code)).toEqual([
      "1102052",
      "1101053",
    ]);
    expect(dongEffect(panel, figures("game"), "F", 30, null)).toEqual([]);
  });
});

describe("행정동 priority", () => {
  const p = new DongPriorities(panel).of(0); // A-F
  it("ranks the services by z across all segments; services without figures last, in service order", () => {
    // game: window means 20,20,30,40,20,30 → mean 80/3, SD √(500/9) → A-F z = −0.894427.
    // youtube: 1,−1,0,0,2,0 → mean 1/3, SD √(8/9) → A-F z = 0.707107.
    expect(p.overall.map((s) => s.service)).toEqual([
      "youtube",
      "game",
      "finance",
      "shopping",
      "video",
      "netflix",
      "delivery",
    ]);
    expect(p.overall[0]!.z).toBeCloseTo(0.707107, 5);
    expect(p.overall[1]!.z).toBeCloseTo(-0.894427, 5);
    expect(p.overall[2]!.z).toBeNull();
  });
  it("ranks each month by that month's z", () => {
    // January game: 10,20,30,30,20,20 → mean 65/3, SD √(850/18) → −1.697749; February game −0.156174.
    expect(p.monthly.map((m) => [m.month, m.ranking[0]!.service])).toEqual([
      ["2022-01", "youtube"],
      ["2022-02", "game"],
    ]);
    expect(p.monthly[0]!.ranking[1]!.z).toBeCloseTo(-1.697749, 5);
    expect(p.monthly[1]!.ranking[0]!.z).toBeCloseTo(-0.156174, 5);
    expect(p.standoutMonths[1]).toEqual({
      service: "game",
      months: [
        { month: "2022-02", z: expect.closeTo(-0.156174, 5) },
        { month: "2022-01", z: expect.closeTo(-1.697749, 5) },
      ],
    });
    expect(p.standoutMonths[0]!.months.map((m) => m.month)).toEqual(["2022-01"]);
  });
  it("gives the segment's monthly values for the trend", () => {
    const t = new DongPriorities(panel).trend(3);
    expect(t.series.map((s) => [s.service, s.values])).toEqual([
      ["game", [30, 50]],
      ["youtube", [0, null]],
    ]);
  });
});

describe("look-alike 행정동", () => {
  const profiles = dongProfiles(panel);
  it("profile the measures every 행정동 has, standardized across the 행정동", () => {
    // commute_time: B has none → left out. game: A 20, B 35, C 25; youtube: A 0, B 0, C 1.
    expect(profiles.measures).toEqual(["game", "youtube"]);
    expect(profiles.z[2]![1]).toBeCloseTo(1.414214, 5);
  });
  it("rank by root mean square distance, itself excluded", () => {
    // A–C: √((0.801784² + 2.121320²)/2) = 1.603567; A–B: 2.405351/√2 = 1.700840.
    const near = lookAlikes(panel, profiles, 0, 10);
    expect(near.map((n) => [n.dong.code, n.rank])).toEqual([
      ["1102052", 1],
      ["1101054", 2],
    ]);
    expect(near[0]!.distance).toBeCloseTo(1.603567, 5);
    expect(near[1]!.distance).toBeCloseTo(1.70084, 5);
    expect(lookAlikes(panel, profiles, 1, 1).map((n) => n.dong.code)).toEqual(["1101053"]);
  });
  it("break ties by code", () => {
    // Two 행정동 identical to each other and equally far from the third.
    const twin: DongPanel = {
      ...panel,
      measures: new Map([["game", { kind: "count", months: [f(1, 1, 3, 3, 3, 3)] }]]),
      months: ["2022-01"],
    };
    const near = lookAlikes(twin, dongProfiles(twin), 1, 10);
    expect(near.map((n) => n.dong.code)).toEqual(["1102052", "1101053"]);
    expect(near[0]!.distance).toBe(0);
  });
});
